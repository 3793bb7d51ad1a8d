package org.activationtck.adapters.onnxruntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One ONNX operator application: the operator type, its attributes, and the scalar constants it
 * takes as extra inputs after {@code X} (PRelu's {@code slope}). Values compare by content, so a
 * node is a cache key for the session that runs it.
 *
 * @param opType the operator in the default domain {@code ai.onnx}, e.g. {@code LeakyRelu}
 * @param attributes by name; each value a {@link Float} (AttributeProto FLOAT), {@link Long}
 *     (INT) or {@link String} (STRING); sorted by name so equal nodes encode to equal bytes
 * @param constantInputs scalars passed as further inputs, each a one-element tensor in the
 *     input's element type
 */
record OnnxNode(String opType, SortedMap<String, Object> attributes, List<Double> constantInputs) {

  OnnxNode {
    Objects.requireNonNull(opType, "opType");
    attributes = new TreeMap<>(attributes);
    for (Map.Entry<String, Object> a : attributes.entrySet()) {
      Object v = a.getValue();
      if (!(v instanceof Float || v instanceof Long || v instanceof String)) {
        throw new IllegalArgumentException(
            "attribute " + a.getKey() + " must be a Float, Long or String, got " + v);
      }
    }
    constantInputs = List.copyOf(constantInputs);
  }

  /** A node with no attributes and no extra inputs. */
  static OnnxNode of(String opType) {
    return new OnnxNode(opType, new TreeMap<>(), List.of());
  }

  /** This node with one more attribute. */
  OnnxNode with(String name, Object value) {
    SortedMap<String, Object> a = new TreeMap<>(attributes);
    a.put(name, value);
    return new OnnxNode(opType, a, constantInputs);
  }

  /** This node with one more constant input. */
  OnnxNode withConstantInput(double value) {
    List<Double> c = new ArrayList<>(constantInputs);
    c.add(value);
    return new OnnxNode(opType, attributes, c);
  }

  /** The node as written in a report, e.g. {@code LeakyRelu(alpha=0.01)}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(opType).append('(');
    String sep = "";
    for (Map.Entry<String, Object> a : attributes.entrySet()) {
      s.append(sep).append(a.getKey()).append('=').append(a.getValue());
      sep = ", ";
    }
    for (Double c : constantInputs) {
      s.append(sep).append(c);
      sep = ", ";
    }
    return s.append(')').toString();
  }
}
