package org.activationtck.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.oracle.Oracle;
import org.activationtck.oracle.OracleValue;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spec.catalog.Kind;
import org.activationtck.spi.Dtype;

/**
 * What a golden output should be: a catalog function in a dialect with its parameters, applied to
 * a tensor the way an ONNX operator applies it (elementwise; along one axis; PRelu's slope
 * broadcast from a second input), and the correctly rounded result of every output element.
 *
 * @param function catalog id, or {@link #HARDMAX} (one-hot at the first maximum, exact, not a
 *     catalog function)
 * @param dialect the dialect whose semantics apply
 * @param params explicit parameters, catalog names to exact decimals
 * @param axis for axis functions the axis (negative counts from the end), else {@code null}
 * @param flattenFromAxis for axis functions: the pre-opset-13 Softmax semantics, where the tensor
 *     is coerced to 2-D and each row {@code [axis:]} is one vector
 * @param slopeParam when not {@code null}, the second input is a slope tensor broadcast to the
 *     first, each element giving this parameter (PRelu)
 */
public record Reference(String function, String dialect, Map<String, String> params, Integer axis,
    boolean flattenFromAxis, String slopeParam) {

  /** The exact Hardmax of ONNX, which the catalog does not have. */
  public static final String HARDMAX = "hardmax";

  public Reference {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** An elementwise function or one along the last axis, with uniform parameters. */
  public static Reference of(String function, String dialect, Map<String, String> params) {
    return new Reference(function, dialect, params, null, false, null);
  }

  /**
   * A catalog function as a golden file names it: elementwise, or along the last axis for an
   * axis function.
   *
   * @throws IllegalArgumentException for an unknown function or one not in the dialect
   */
  public static Reference forFunction(org.activationtck.spec.catalog.Catalog catalog,
      String function, String dialect, Map<String, String> params) {
    var f = catalog.require(function);
    org.activationtck.spec.catalog.Dialect.fromId(dialect);
    if (!f.inDialect(dialect)) {
      throw new IllegalArgumentException("function '" + f.id() + "' is not part of dialect '"
          + dialect + "'");
    }
    return new Reference(f.id(), dialect, params, f.kind() == Kind.AXIS ? -1 : null, false, null);
  }

  /**
   * The correctly rounded outputs, in row-major order of the first input's shape.
   *
   * @param inputs the inputs (the slope second for PRelu)
   * @param out the output format to round to
   * @param simulate when not {@code null}, the format a simulated implementation computes in: each
   *     result is correctly rounded to it, then carried as a value of {@code out}
   * @param simulateInputs with {@code simulate}: every input is first rounded to that format too
   *     (an implementation that computes entirely in it, at its best); without, the exact function
   *     of the given inputs is rounded to it (only the results are narrow)
   * @throws IllegalArgumentException when the inputs do not fit the operator
   */
  public double[] compute(Oracle oracle, List<Tensor> inputs, Dtype out, Dtype simulate,
      boolean simulateInputs) {
    Tensor x = inputs.get(0);
    boolean narrowInputs = simulate != null && simulateInputs;
    Dtype in = narrowInputs ? simulate : x.dtype();
    Dtype rounding = simulate != null ? simulate : out;
    double[] xs = x.values();
    if (narrowInputs) {
      for (int i = 0; i < xs.length; i++) {
        xs[i] = Rounding.round(xs[i], simulate);
      }
    }
    double[] result;
    if (axis == null) {
      result = elementwise(oracle, inputs, x, xs, in, rounding);
    } else {
      result = alongAxis(oracle, x.dims(), xs, in, rounding);
    }
    if (simulate != null) {
      for (int i = 0; i < result.length; i++) {
        result[i] = Rounding.round(result[i], out);
      }
    }
    return result;
  }

  private double[] elementwise(Oracle oracle, List<Tensor> inputs, Tensor x, double[] xs, Dtype in,
      Dtype rounding) {
    double[] result = new double[xs.length];
    if (slopeParam == null) {
      List<OracleValue> v = oracle.evaluate(function, dialect, params, in, false, xs);
      for (int i = 0; i < xs.length; i++) {
        result[i] = v.get(i).rounded(rounding);
      }
      return result;
    }
    if (inputs.size() < 2) {
      throw new IllegalArgumentException("the operator needs a second input (the slope)");
    }
    Tensor slope = inputs.get(1);
    int[] index = Broadcast.indexMap(slope.dims(), x.dims());
    Map<String, String> p = new LinkedHashMap<>(params);
    for (int i = 0; i < xs.length; i++) {
      double s = slope.at(index[i]);
      if (in != slope.dtype()) {
        s = Rounding.round(s, in);
      }
      p.put(slopeParam, new java.math.BigDecimal(s).toString());
      result[i] = oracle.evaluate(function, dialect, p, in, false, new double[] {xs[i]}).get(0)
          .rounded(rounding);
    }
    return result;
  }

  private double[] alongAxis(Oracle oracle, long[] dims, double[] xs, Dtype in, Dtype rounding) {
    int rank = dims.length;
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= Math.max(rank, 1)) {
      throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
    }
    double[] result = new double[xs.length];
    if (rank == 0) {
      return vectorInto(oracle, xs, new int[] {0}, result, in, rounding);
    }
    long inner = 1;
    for (int d = a + 1; d < rank; d++) {
      inner *= dims[d];
    }
    long outer = 1;
    for (int d = 0; d < a; d++) {
      outer *= dims[d];
    }
    if (flattenFromAxis) {
      int row = (int) (dims[a] * inner);
      for (int o = 0; o < outer; o++) {
        int[] idx = new int[row];
        for (int k = 0; k < row; k++) {
          idx[k] = o * row + k;
        }
        vectorInto(oracle, xs, idx, result, in, rounding);
      }
      return result;
    }
    int n = (int) dims[a];
    for (long o = 0; o < outer; o++) {
      for (long j = 0; j < inner; j++) {
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) {
          idx[k] = (int) ((o * n + k) * inner + j);
        }
        vectorInto(oracle, xs, idx, result, in, rounding);
      }
    }
    return result;
  }

  /** Evaluates the vector at the given positions and writes its results there. */
  private double[] vectorInto(Oracle oracle, double[] xs, int[] idx, double[] result, Dtype in,
      Dtype rounding) {
    double[] v = new double[idx.length];
    for (int k = 0; k < idx.length; k++) {
      v[k] = xs[idx[k]];
    }
    if (v.length == 0) {
      return result;
    }
    if (function.equals(HARDMAX)) {
      int best = 0;
      for (int k = 1; k < v.length; k++) {
        if (v[k] > v[best]) {
          best = k;
        }
      }
      for (int k = 0; k < v.length; k++) {
        result[idx[k]] = k == best ? 1.0 : 0.0;
      }
      return result;
    }
    if (oracle.catalog().require(function).kind() != Kind.AXIS) {
      throw new IllegalStateException(function + " is not an axis function");
    }
    Map<String, String> p = new LinkedHashMap<>(params);
    p.remove("axis");
    List<OracleValue> values = oracle.evaluate(function, dialect, p, in, false, v);
    for (int k = 0; k < v.length; k++) {
      result[idx[k]] = values.get(k).rounded(rounding);
    }
    return result;
  }
}
