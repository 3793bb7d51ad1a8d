package org.activationtck.interop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.activationtck.spec.format.Rounding;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spec.catalog.ParameterSpec;
import org.activationtck.spi.Dtype;

/**
 * The catalog functions of the onnx dialect as ONNX operators, both ways.
 *
 * <p>Float parameters with an onnx name in the catalog are float attributes of that name (ONNX
 * stores them as float32: {@code AttributeProto.f}); the exceptions are spelled out here: Gelu's
 * {@code approximate} is the string {@code none} or {@code tanh}; Shrink is hard_shrink with
 * {@code bias = 0} and soft_shrink with {@code bias = lambd}; PRelu's slope is a second input, not
 * an attribute; Softmax and LogSoftmax take an int {@code axis}; Hardmax (not in the catalog) is
 * exact and handled by {@link Reference#HARDMAX}.
 */
public final class OnnxOperators {

  /** The dialect whose semantics the ONNX operators have. */
  public static final String DIALECT = "onnx";

  /** Catalog id to ONNX op type, for every catalog function of the onnx dialect. */
  static final Map<String, String> OP_TYPES = Map.ofEntries(
      Map.entry("arctan", "Atan"), Map.entry("celu", "Celu"), Map.entry("elu", "Elu"),
      Map.entry("exponential", "Exp"), Map.entry("gelu", "Gelu"),
      Map.entry("hard_shrink", "Shrink"), Map.entry("hard_sigmoid", "HardSigmoid"),
      Map.entry("hard_silu", "HardSwish"), Map.entry("leaky_relu", "LeakyRelu"),
      Map.entry("linear", "Identity"), Map.entry("log_softmax", "LogSoftmax"),
      Map.entry("mish", "Mish"), Map.entry("prelu", "PRelu"), Map.entry("relu", "Relu"),
      Map.entry("selu", "Selu"), Map.entry("sigmoid", "Sigmoid"),
      Map.entry("soft_shrink", "Shrink"), Map.entry("softmax", "Softmax"),
      Map.entry("softplus", "Softplus"), Map.entry("softsign", "Softsign"),
      Map.entry("tanh", "Tanh"), Map.entry("thresholded_relu", "ThresholdedRelu"));

  private final Catalog catalog;

  public OnnxOperators(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The ONNX op type of a catalog function, if it has one in this mapping. */
  public static Optional<String> opType(String function) {
    return Optional.ofNullable(OP_TYPES.get(function));
  }

  /**
   * A node computing a catalog function and the constant inputs it needs besides x.
   *
   * @param node the node: input {@code x} (and {@code slope} for PRelu), output {@code y}
   * @param extraInputs PRelu's slope tensor, else empty
   */
  public record Exported(OnnxNode node, List<Tensor> extraInputs) {}

  /**
   * The node for a function with explicit parameters (catalog names; the rest take the onnx
   * defaults, which are then not written, except where ONNX's default differs from the catalog's).
   *
   * @param dtype the input format (PRelu's slope has it too)
   * @throws IllegalArgumentException for a function without an ONNX operator or a parameter
   *     without an ONNX attribute
   */
  public Exported export(String function, Map<String, String> params, Dtype dtype) {
    FunctionSpec f = catalog.require(function);
    String op = opType(f.id()).orElseThrow(() -> new IllegalArgumentException(
        "function '" + f.id() + "' has no ONNX operator"));
    Map<String, OnnxAttribute> attrs = new LinkedHashMap<>();
    List<String> inputs = new ArrayList<>(List.of("x"));
    List<Tensor> extra = new ArrayList<>();
    switch (f.id()) {
      case "gelu" -> {
        String a = params.get("approximate");
        if (a != null) {
          attrs.put("approximate", OnnxAttribute.ofString("approximate",
              Boolean.parseBoolean(a) ? "tanh" : "none"));
        }
      }
      case "prelu" -> {
        String s = params.getOrDefault("alpha", f.parameter("alpha").flatMap(p ->
            p.defaultFor(DIALECT)).orElseThrow());
        inputs.add("slope");
        extra.add(Tensor.vector("slope", dtype, Rounding.round(new BigDecimal(s), dtype)));
      }
      case "hard_shrink", "soft_shrink" -> {
        String lambd = params.get("threshold");
        if (lambd != null) {
          attrs.put("lambd", OnnxAttribute.ofFloat("lambd", float32(lambd)));
        }
        if (f.id().equals("soft_shrink")) {
          String bias = lambd != null ? lambd : f.parameter("threshold").flatMap(p ->
              p.defaultFor(DIALECT)).orElseThrow();
          attrs.put("bias", OnnxAttribute.ofFloat("bias", float32(bias)));
        }
      }
      case "softmax", "log_softmax" -> attrs.put("axis", OnnxAttribute.ofInt("axis",
          Long.parseLong(params.getOrDefault("axis", "-1"))));
      default -> {
        for (Map.Entry<String, String> e : params.entrySet()) {
          ParameterSpec p = f.parameter(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
              f.id() + ": unknown parameter '" + e.getKey() + "'"));
          String name = p.names().get(DIALECT);
          if (name == null || !p.type().equals("real")) {
            throw new IllegalArgumentException(f.id() + " parameter '" + p.name()
                + "' has no ONNX float attribute");
          }
          attrs.put(name, OnnxAttribute.ofFloat(name, float32(e.getValue())));
        }
      }
    }
    return new Exported(new OnnxNode(op, "", inputs, List.of("y"), attrs), extra);
  }

  /** A decimal rounded to float32, as ONNX stores a float attribute. */
  static float float32(String decimal) {
    return (float) Rounding.round(new BigDecimal(decimal), Dtype.FLOAT32);
  }

  /**
   * What a node computes, in catalog terms.
   *
   * @param opset the model's ai.onnx opset (Softmax, LogSoftmax and Hardmax change meaning at 13)
   * @return empty when the operator is not one this kit has a reference for (the reason is in
   *     {@link #unsupported})
   * @throws IllegalArgumentException naming the origin and attribute for an attribute the
   *     operator does not have or of the wrong type
   */
  public Optional<Reference> reference(OnnxNode node, long opset, String origin) {
    if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
      return Optional.empty();
    }
    String op = node.opType();
    Map<String, String> params = new LinkedHashMap<>();
    switch (op) {
      case "Hardmax", "Softmax", "LogSoftmax" -> {
        long axis = node.attribute("axis").map(a -> intAttr(a, origin)).orElse(opset >= 13 ? -1L : 1L);
        String fn = op.equals("Hardmax") ? Reference.HARDMAX : op.equals("Softmax") ? "softmax"
            : "log_softmax";
        checkOnly(node, origin, "axis");
        return Optional.of(new Reference(fn, DIALECT, params, (int) axis, opset < 13, null));
      }
      case "Gelu" -> {
        checkOnly(node, origin, "approximate");
        String a = node.attribute("approximate").map(x -> x.s()).orElse("none");
        if (!a.equals("none") && !a.equals("tanh")) {
          throw new IllegalArgumentException(origin + ": field attribute 'approximate': '" + a
              + "' is not none or tanh");
        }
        params.put("approximate", String.valueOf(a.equals("tanh")));
        return Optional.of(Reference.of("gelu", DIALECT, params));
      }
      case "PRelu" -> {
        checkOnly(node, origin);
        return Optional.of(new Reference("prelu", DIALECT, params, null, false, "alpha"));
      }
      case "Shrink" -> {
        checkOnly(node, origin, "lambd", "bias");
        float lambd = node.attribute("lambd").map(a -> floatAttr(a, origin)).orElse(0.5f);
        float bias = node.attribute("bias").map(a -> floatAttr(a, origin)).orElse(0f);
        String fn;
        if (bias == 0f) {
          fn = "hard_shrink";
        } else if (bias == lambd) {
          fn = "soft_shrink";
        } else {
          return Optional.empty();
        }
        params.put("threshold", exact(lambd));
        return Optional.of(Reference.of(fn, DIALECT, params));
      }
      default -> {
        String fn = null;
        for (Map.Entry<String, String> e : OP_TYPES.entrySet()) {
          if (e.getValue().equals(op)) {
            fn = e.getKey();
          }
        }
        if (fn == null) {
          return Optional.empty();
        }
        FunctionSpec f = catalog.require(fn);
        for (OnnxAttribute a : node.attributes().values()) {
          ParameterSpec p = f.parameters().stream()
              .filter(q -> a.name().equals(q.names().get(DIALECT)) && q.type().equals("real"))
              .findFirst().orElseThrow(() -> new IllegalArgumentException(origin
                  + ": field attribute '" + a.name() + "': " + op + " has no such attribute"));
          params.put(p.name(), exact(floatAttr(a, origin)));
        }
        return Optional.of(Reference.of(fn, DIALECT, params));
      }
    }
  }

  /** Why {@link #reference} gives nothing for a node. */
  public static String unsupported(OnnxNode node) {
    if (node.opType().equals("Shrink")) {
      return "Shrink with bias other than 0 or lambd is not a catalog function";
    }
    return "operator " + (node.domain().isEmpty() ? "" : node.domain() + ".") + node.opType()
        + " is not an activation the catalog has";
  }

  private static void checkOnly(OnnxNode node, String origin, String... allowed) {
    for (String name : node.attributes().keySet()) {
      if (!List.of(allowed).contains(name)) {
        throw new IllegalArgumentException(origin + ": field attribute '" + name + "': "
            + node.opType() + " has no such attribute");
      }
    }
  }

  private static float floatAttr(OnnxAttribute a, String origin) {
    if (a.type() != OnnxProto.Attribute.TYPE_FLOAT && a.type() != 0) {
      throw new IllegalArgumentException(origin + ": field attribute '" + a.name()
          + "': type " + a.type() + ", expected FLOAT (1)");
    }
    return a.f();
  }

  private static long intAttr(OnnxAttribute a, String origin) {
    if (a.type() != OnnxProto.Attribute.TYPE_INT && a.type() != 0) {
      throw new IllegalArgumentException(origin + ": field attribute '" + a.name()
          + "': type " + a.type() + ", expected INT (2)");
    }
    return a.i();
  }

  /** The exact decimal value of a float. */
  static String exact(float f) {
    return new BigDecimal(f).toString();
  }
}
