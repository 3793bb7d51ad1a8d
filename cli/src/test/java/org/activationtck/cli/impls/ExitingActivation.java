package org.activationtck.cli.impls;

import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/** An implementation that ends the JVM with status 0 on its first call. */
public class ExitingActivation implements Activation {

  @Override
  public String name() {
    return "exiting";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return true;
  }

  @Override
  public double[] apply(Call call, double[] x) {
    System.exit(0);
    return x;
  }
}
