package org.activationtck.cli.impls;

import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/** An implementation whose constructor throws: the CLI must say why, not InvocationTargetException. */
public class ThrowingConstructor implements Activation {

  public ThrowingConstructor() {
    throw new IllegalStateException("no licence key found");
  }

  @Override
  public String name() {
    return "throwing";
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
