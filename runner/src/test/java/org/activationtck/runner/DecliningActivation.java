package org.activationtck.runner;

import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/**
 * An implementation that declines every call ({@code supports} is false, {@code apply} throws
 * {@link UnsupportedOperationException}): a run of it checks nothing and must not conform. Public
 * with a no-argument constructor, so that the CLI tests can name it with {@code --impl-class}.
 */
public final class DecliningActivation implements Activation {

  @Override
  public String name() {
    return "declines";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return false;
  }

  @Override
  public double[] apply(Call call, double[] x) {
    throw new UnsupportedOperationException("declines everything");
  }
}
