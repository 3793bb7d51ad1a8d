package org.activationtck.cli.impls;

import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/** An implementation whose static initialiser throws (ExceptionInInitializerError). */
public class FailingInitialiser implements Activation {

  static final int NATIVE = Integer.parseInt("libnative.so missing".substring(0, 3));

  @Override
  public String name() {
    return "failing";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return true;
  }

  @Override
  public double[] apply(Call call, double[] x) {
    return x;
  }
}
