/**
 * The catalog's onnx dialect on ONNX Runtime: {@link
 * org.activationtck.adapters.onnxruntime.OnnxRuntimeActivation} runs one-node ONNX models that this
 * package writes in the protobuf wire format itself (no protobuf library).
 */
package org.activationtck.adapters.onnxruntime;
