package org.activationtck.cli.impls;

import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/** supports() recurses until the stack overflows. */
public class OverflowingSupports implements Activation {

  @Override
  public String name() {
    return "overflowing";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return supports(function, dialect, dtype, derivative) && depth++ > 0;
  }

  private int depth;

  @Override
  public double[] apply(Call call, double[] x) {
    return x;
  }
}
