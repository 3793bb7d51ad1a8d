package org.activationtck.cli.impls;

import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/**
 * Correct relu values, but its first call leaves a thread holding {@code System.out}'s lock for
 * ever (as a logger stuck on a full pipe would).
 */
public class StdoutHogActivation implements Activation {

  @Override
  public String name() {
    return "stdout hog";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return function.equals("relu") && dtype == Dtype.FLOAT64 && !derivative;
  }

  @Override
  public double[] apply(Call call, double[] x) {
    synchronized (StdoutHogActivation.class) {
      if (!started) {
        started = true;
        java.io.PrintStream out = System.out;
        Thread hog = new Thread(() -> {
          synchronized (out) {
            try {
              Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
              // let go
            }
          }
        });
        hog.setDaemon(true);
        hog.start();
        try {
          Thread.sleep(100); // let it take the lock
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] > 0 || Double.isNaN(x[i]) ? x[i] : x[i] == 0 ? x[i] : 0.0;
    }
    return y;
  }

  private static boolean started;
}
