package org.activationtck.cli.impls;

import java.util.ArrayList;
import java.util.List;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/** apply() allocates until the heap is exhausted. */
public class AllocatingActivation implements Activation {

  @Override
  public String name() {
    return "allocating";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return function.equals("relu") && dtype == Dtype.FLOAT64 && !derivative;
  }

  @Override
  public double[] apply(Call call, double[] x) {
    List<long[]> hog = new ArrayList<>();
    while (true) {
      hog.add(new long[1 << 20]);
    }
  }
}
