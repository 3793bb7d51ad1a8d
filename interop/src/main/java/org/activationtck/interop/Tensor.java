package org.activationtck.interop;

import java.util.Arrays;
import org.activationtck.spi.Dtype;

/**
 * A dense floating-point tensor in row-major (C) order, its elements carried as doubles (every
 * value of every {@link Dtype} is a double).
 *
 * @param name the tensor's name ({@code ""} when it has none)
 * @param dtype the element format
 * @param dims the shape; {@code {}} for a scalar
 * @param values the elements, {@code product(dims)} of them, each a value of {@code dtype}
 */
public record Tensor(String name, Dtype dtype, long[] dims, double[] values) {

  /** @throws IllegalArgumentException when the element count does not match the shape */
  public Tensor {
    name = name == null ? "" : name;
    dims = dims.clone();
    values = values.clone();
    long n = elementCount(dims);
    if (n != values.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " holds " + n
          + " elements, got " + values.length);
    }
  }

  /** A rank-1 tensor. */
  public static Tensor vector(String name, Dtype dtype, double... values) {
    return new Tensor(name, dtype, new long[] {values.length}, values);
  }

  /** The number of elements of a shape; -1 for a negative dimension or an overflow. */
  public static long elementCount(long[] dims) {
    long n = 1;
    for (long d : dims) {
      if (d < 0) {
        return -1;
      }
      n = d == 0 ? 0 : (n > Integer.MAX_VALUE / d ? -1 : n * d);
      if (n < 0) {
        return -1;
      }
    }
    return n;
  }

  @Override
  public long[] dims() {
    return dims.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** Element {@code i} in row-major order, without copying. */
  public double at(int i) {
    return values[i];
  }

  public int size() {
    return values.length;
  }

  public int rank() {
    return dims.length;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Tensor t)) {
      return false;
    }
    if (!name.equals(t.name) || dtype != t.dtype || !Arrays.equals(dims, t.dims)
        || values.length != t.values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.doubleToRawLongBits(values[i]) != Double.doubleToRawLongBits(t.values[i])
          && !(Double.isNaN(values[i]) && Double.isNaN(t.values[i]))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + dtype.hashCode()) + Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return "Tensor[" + name + " " + dtype.id() + Arrays.toString(dims) + "]";
  }
}
