package org.activationtck.interop;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ONNX node ({@code NodeProto}).
 *
 * @param opType the operator, e.g. {@code Sigmoid}
 * @param domain the operator set domain; {@code ""} is the default ai.onnx domain
 * @param inputs the input value names
 * @param outputs the output value names
 * @param attributes the attributes by name, in the order of the model
 */
public record OnnxNode(String opType, String domain, List<String> inputs, List<String> outputs,
    Map<String, OnnxAttribute> attributes) {

  public OnnxNode {
    domain = domain == null ? "" : domain;
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }

  public Optional<OnnxAttribute> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}
