package org.activationtck.interop;

import java.util.List;

/**
 * The parts of an ONNX model ({@code ModelProto}) a node test needs: IR version, the version of
 * the default (ai.onnx) operator set, the graph's nodes, inputs, outputs and initializers.
 *
 * @param irVersion {@code ModelProto.ir_version}
 * @param opset the version imported for domain {@code ""} (ai.onnx); 0 when none is imported
 * @param nodes the graph's nodes
 * @param inputs the graph's input names, in order
 * @param outputs the graph's output names, in order
 * @param initializers the graph's initializers (constant inputs)
 */
public record OnnxModel(long irVersion, long opset, List<OnnxNode> nodes, List<String> inputs,
    List<String> outputs, List<Tensor> initializers) {

  public OnnxModel {
    nodes = List.copyOf(nodes);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    initializers = List.copyOf(initializers);
  }
}
