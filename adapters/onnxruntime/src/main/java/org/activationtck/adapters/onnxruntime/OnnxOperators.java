package org.activationtck.adapters.onnxruntime;

import java.math.BigDecimal;
import java.util.Map;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.ParameterSpec;

/**
 * Maps a call in the catalog's {@code onnx} dialect onto the ONNX operator the catalog names for
 * it, with the call's parameters as that operator's attributes (or, for PRelu, its slope input).
 *
 * <p>Parameters the call omits take the onnx dialect's default from the catalog, never ONNX
 * Runtime's own default, and are always written into the node. Float attributes are float32 in
 * ONNX (AttributeProto.f), whatever the tensor type: a parameter is rounded to float32 once, from
 * its exact decimal, also for float64 inputs. PRelu's slope is a tensor of the input's type and is
 * rounded to that type.
 */
final class OnnxOperators {

  static final String DIALECT = "onnx";

  private final Catalog catalog;

  OnnxOperators(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The node computing the call's function.
   *
   * @throws UnsupportedOperationException for a function ONNX has no operator for, or parameter
   *     values the operator cannot express (softplus with beta or threshold)
   */
  OnnxNode node(Call call) {
    String f = call.function();
    switch (f) {
      case "exponential":
        return OnnxNode.of("Exp");
      case "linear":
        return OnnxNode.of("Identity");
      case "softmax":
        return OnnxNode.of("Softmax").with("axis", axis(call));
      case "log_softmax":
        return OnnxNode.of("LogSoftmax").with("axis", axis(call));
      case "relu":
        return OnnxNode.of("Relu");
      case "leaky_relu":
        return OnnxNode.of("LeakyRelu").with("alpha", float32(call, "negative_slope"));
      case "prelu":
        return OnnxNode.of("PRelu").withConstantInput(inDtype(call, "alpha"));
      case "thresholded_relu":
        return OnnxNode.of("ThresholdedRelu").with("alpha", float32(call, "theta"));
      case "hard_shrink":
        // Shrink: x < -lambd ? x + bias : x > lambd ? x - bias : 0; bias = 0 is hard shrinkage.
        return OnnxNode.of("Shrink").with("lambd", float32(call, "threshold")).with("bias", 0f);
      case "soft_shrink":
        // bias = lambd turns Shrink into soft shrinkage (the catalog ties the two together).
        return OnnxNode.of("Shrink")
            .with("lambd", float32(call, "threshold"))
            .with("bias", float32(call, "threshold"));
      case "hard_sigmoid":
        return OnnxNode.of("HardSigmoid")
            .with("alpha", float32(call, "alpha"))
            .with("beta", float32(call, "beta"));
      case "hard_silu":
        return OnnxNode.of("HardSwish");
      case "elu":
        return OnnxNode.of("Elu").with("alpha", float32(call, "alpha"));
      case "selu":
        return OnnxNode.of("Selu")
            .with("alpha", float32(call, "alpha"))
            .with("gamma", float32(call, "scale"));
      case "celu":
        return OnnxNode.of("Celu").with("alpha", float32(call, "alpha"));
      case "softplus":
        // ONNX Softplus is ln(exp(x) + 1): no beta, no threshold.
        if (new BigDecimal(param(call, "beta")).compareTo(BigDecimal.ONE) != 0
            || !param(call, "threshold").equals("none")) {
          throw new UnsupportedOperationException("ONNX Softplus takes neither beta nor threshold");
        }
        return OnnxNode.of("Softplus");
      case "mish":
        return OnnxNode.of("Mish");
      case "softsign":
        return OnnxNode.of("Softsign");
      case "arctan":
        return OnnxNode.of("Atan");
      case "sigmoid":
        return OnnxNode.of("Sigmoid");
      case "tanh":
        return OnnxNode.of("Tanh");
      case "gelu":
        // Gelu-20: approximate is the string "none" (erf form) or "tanh".
        return OnnxNode.of("Gelu")
            .with("approximate", Boolean.parseBoolean(param(call, "approximate")) ? "tanh" : "none");
      default:
        throw new UnsupportedOperationException("ONNX has no operator for " + f);
    }
  }

  /**
   * The call's value of the parameter (given under its canonical name or its onnx spelling, as
   * fixtures may do), or the onnx dialect's default from the catalog.
   */
  private String param(Call call, String name) {
    FunctionSpec f = catalog.require(call.function());
    ParameterSpec p = f.parameter(name)
        .orElseThrow(() -> new IllegalStateException(call.function() + " has no parameter " + name));
    for (Map.Entry<String, String> given : call.params().entrySet()) {
      String key = given.getKey();
      if (key.equals(p.name()) || key.equals(p.names().get(DIALECT))) {
        return given.getValue();
      }
    }
    return p.defaultFor(DIALECT).orElseThrow(() -> new IllegalStateException(
        call.function() + "." + name + " has no onnx default in the catalog"));
  }

  /** A float attribute: the exact decimal rounded once to float32. */
  private Float float32(Call call, String name) {
    return Float.parseFloat(param(call, name));
  }

  /** A tensor-valued parameter rounded once to the input's type, carried as a double. */
  private double inDtype(Call call, String name) {
    String v = param(call, name);
    return call.dtype() == Dtype.FLOAT32 ? Float.parseFloat(v) : Double.parseDouble(v);
  }

  /** The softmax axis: the TCK sends one vector, for which -1 and 0 are the same axis. */
  private Long axis(Call call) {
    long axis = Long.parseLong(param(call, "axis"));
    if (axis != -1 && axis != 0) {
      throw new UnsupportedOperationException("axis " + axis + " on a vector");
    }
    return -1L;
  }
}
