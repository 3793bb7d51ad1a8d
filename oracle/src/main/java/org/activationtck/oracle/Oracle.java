package org.activationtck.oracle;

import org.activationtck.spec.format.Rounding;

import org.activationtck.spec.params.Params;
import org.activationtck.spec.params.RankOneAxis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.Kind;

/**
 * The arbitrary-precision oracle: the exact value of any catalog function (and the derivative of
 * any elementwise one) at exact binary inputs, to any number of digits, correctly rounded to any
 * supported format on request.
 *
 * <p>Thread-safe; the {@link OracleValue}s it returns are not.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class Oracle {

  private final Catalog catalog;

  /** An oracle for the given catalog. */
  public Oracle(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The oracle for the catalog shipped with the spec module. */
  public static Oracle standard() {
    return new Oracle(Catalog.standard());
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Whether the oracle has an implementation of the catalog function. */
  public boolean implemented(String function) {
    return FunctionRegistry.lookup(catalog.require(function).id()).isPresent();
  }

  /**
   * Evaluates a function.
   *
   * @param function catalog id or any dialect's alias
   * @param dialect dialect id
   * @param params explicit parameters by name; the rest take the dialect's defaults
   * @param inputDtype the format the inputs are values of
   * @param derivative d/dx instead of f (elementwise functions only)
   * @param x the inputs: for an elementwise function each is evaluated on its own, for an axis
   *     function they are one vector
   * @return one value per output element
   * @throws IllegalArgumentException naming the bad token for an unknown function, dialect,
   *     parameter or value, an input that is not a value of {@code inputDtype}, a derivative of
   *     an axis function, or a function the oracle does not implement
   */
  public List<OracleValue> evaluate(String function, String dialect, Map<String, String> params,
      Dtype inputDtype, boolean derivative, double[] x) {
    return evaluate(function, dialect, params, inputDtype, derivative ? "x" : null, x);
  }

  /**
   * Evaluates a function or one of its partial derivatives.
   *
   * @param wrt {@code null} for the value, {@code "x"} for d/dx, or a parameter name for the
   *     derivative with respect to it (functions implementing {@link ParameterDerivative})
   * @throws IllegalArgumentException as {@link #evaluate(String, String, Map, Dtype, boolean,
   *     double[])}, and for a parameter without a derivative
   */
  public List<OracleValue> evaluate(String function, String dialect, Map<String, String> params,
      Dtype inputDtype, String wrt, double[] x) {
    boolean derivative = wrt != null;
    FunctionSpec spec = catalog.require(function);
    org.activationtck.spec.catalog.Dialect.fromId(dialect);
    if (!spec.inDialect(dialect)) {
      throw new IllegalArgumentException(
          "function '" + spec.id() + "' is not part of dialect '" + dialect + "' (it is in "
              + spec.names().keySet() + ")");
    }
    for (double v : x) {
      if (!Rounding.isRepresentable(v, inputDtype)) {
        throw new IllegalArgumentException(v + " is not a " + inputDtype.id() + " value");
      }
    }
    Params p = Params.resolve(spec, dialect, params, inputDtype);
    Object impl = FunctionRegistry.lookup(spec.id()).orElseThrow(() ->
        new IllegalArgumentException("function '" + spec.id() + "' is not implemented by the oracle"));
    List<OracleValue> out = new ArrayList<>();
    if (spec.kind() == Kind.ELEMENTWISE) {
      ElementwiseFunction f = (ElementwiseFunction) impl;
      if (derivative && !wrt.equals("x")) {
        if (!(impl instanceof ParameterDerivative) || spec.parameter(wrt).isEmpty()) {
          throw new IllegalArgumentException("'" + spec.id() + "' has no derivative with respect to '"
              + wrt + "'");
        }
        ParameterDerivative pd = (ParameterDerivative) impl;
        for (double v : x) {
          out.add(new OracleValue(d -> pd.derivative(wrt, v, p, d)));
        }
        return out;
      }
      for (double v : x) {
        out.add(derivative ? new OracleValue(d -> f.derivative(v, p, d))
            : new OracleValue(d -> f.value(v, p, d)));
      }
      return out;
    }
    if (derivative) {
      throw new IllegalArgumentException("--derivative is defined for elementwise functions only; '"
          + spec.id() + "' is an axis function");
    }
    RankOneAxis.check(spec.id(), p);
    AxisFunction f = (AxisFunction) impl;
    double[] vector = x.clone();
    // One evaluation of the vector serves every element: each element's value asks for it at
    // some precision, and the most precise evaluation so far answers every request at or below
    // its precision (the values of one call share it, as they share the vector). Evaluating
    // per element made the cost grow with the square of the length.
    Shared shared = new Shared(f, vector, p);
    int n = shared.at(OracleValue.START_DIGITS).length;
    for (int i = 0; i < n; i++) {
      int index = i;
      out.add(new OracleValue(d -> shared.at(d)[index]));
    }
    return out;
  }

  /** The most precise evaluation of an axis function's vector so far. */
  private static final class Shared {
    private final AxisFunction f;
    private final double[] vector;
    private final Params p;
    private Real[] best;
    private int bestDigits;

    Shared(AxisFunction f, double[] vector, Params p) {
      this.f = f;
      this.vector = vector;
      this.p = p;
    }

    Real[] at(int digits) {
      if (best == null || bestDigits < digits) {
        best = f.value(vector, p, digits);
        bestDigits = digits;
      }
      return best;
    }
  }
}
