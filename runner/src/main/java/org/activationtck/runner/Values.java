package org.activationtck.runner;

import org.activationtck.spec.format.Rounding;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/** How results are printed in checks and reasons. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class Values {

  private Values() {}

  /**
   * A result as its dtype prints it: the shortest decimal that reads back to it in the dtype
   * ({@code 0.50000006} for a float32 (JDK 17's Float.toString, which reads back exactly), not {@code 0.5000000596046448}); a value that is not of
   * the dtype is printed as the double it is, so that the difference shows.
   */
  public static String show(double v, Dtype t) {
    if (t == Dtype.FLOAT32 && (float) v == v) {
      return Float.toString((float) v);
    }
    if (t != Dtype.FLOAT64 && t != Dtype.FLOAT32 && Rounding.isRepresentable(v, t)) {
      return Rounding.shortest(v, t);
    }
    return Double.toString(v);
  }
}
