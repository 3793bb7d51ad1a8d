package org.activationtck.runner.gate;

import java.util.Locale;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The inputs a {@link Deviation} is about (its {@code "x"} field): a class of special inputs, or
 * a closed range with an open end where a bound is absent ({@code {"max": -87}} is the tail
 * x &le; -87). Only elementwise functions have inputs of their own; an axis function's check is
 * about a whole vector.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record InputSet(Kind kind, double min, double max) {

  /** What the set is. */
  public enum Kind {
    /** NaN inputs. */
    NAN,
    /** +Infinity and -Infinity. */
    INFINITY,
    /** +Infinity. */
    POSITIVE_INFINITY,
    /** -Infinity. */
    NEGATIVE_INFINITY,
    /** +0.0 and -0.0. */
    ZERO,
    /** Nonzero inputs below the smallest normal magnitude of the check's dtype. */
    SUBNORMAL,
    /** Finite inputs within [min, max]. */
    RANGE;

    /** The id in deviation files: {@code nan}, {@code +infinity}, ... ({@code RANGE} has none). */
    public String id() {
      switch (this) {
        case POSITIVE_INFINITY: return "+infinity";
        case NEGATIVE_INFINITY: return "-infinity";
        default: return name().toLowerCase(Locale.ROOT);
      }
    }

    /** @throws IllegalArgumentException naming the ids there are */
    static Kind fromId(String id) {
      for (Kind k : values()) {
        if (k != RANGE && k.id().equals(id)) {
          return k;
        }
      }
      throw new IllegalArgumentException("'" + id + "' is not an input class (nan, infinity,"
          + " +infinity, -infinity, zero, subnormal) or a range {\"min\": ..., \"max\": ...}");
    }
  }

  public InputSet {
    if (kind == Kind.RANGE && !(min <= max)) {
      throw new IllegalArgumentException("the range is empty: min " + min + " > max " + max);
    }
  }

  /** A class of inputs by id. */
  public static InputSet of(String id) {
    return new InputSet(Kind.fromId(id), Double.NaN, Double.NaN);
  }

  /** Finite inputs in [min, max]; -Infinity or +Infinity for an open end. */
  public static InputSet range(double min, double max) {
    return new InputSet(Kind.RANGE, min, max);
  }

  /** Whether the input {@code x} of a check in dtype {@code t} is in the set. */
  public boolean contains(double x, Dtype t) {
    switch (kind) {
      case NAN: return Double.isNaN(x);
      case INFINITY: return Double.isInfinite(x);
      case POSITIVE_INFINITY: return x == Double.POSITIVE_INFINITY;
      case NEGATIVE_INFINITY: return x == Double.NEGATIVE_INFINITY;
      case ZERO: return x == 0;
      case SUBNORMAL: return x != 0 && Math.abs(x) < smallestNormal(t);
      default: return Double.isFinite(x) && x >= min && x <= max;
    }
  }

  private static double smallestNormal(Dtype t) {
    switch (t) {
      case FLOAT64: return Double.MIN_NORMAL;
      case FLOAT16: return 0x1p-14;
      default: return Float.MIN_NORMAL; // float32 and bfloat16 share float32's exponent range
    }
  }
}
