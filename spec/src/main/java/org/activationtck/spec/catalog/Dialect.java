package org.activationtck.spec.catalog;

import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * A framework convention: the names, parameter defaults and edge-case semantics one family of
 * implementations follows. The implementation, not its prose documentation, is normative; the
 * releases each dialect describes, and the known differences between releases, are in
 * {@link Catalog#dialects()}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Dialect {
  /** Keras 3 ({@code keras.activations}, {@code keras.ops}); the default dialect. */
  KERAS3("keras3"),
  /** tf.keras of TensorFlow 2 (Keras 2 semantics, {@code tf.keras.activations}, {@code tf.nn}). */
  TF_KERAS2("tf_keras2"),
  /** PyTorch ({@code torch.nn.functional}). */
  PYTORCH("pytorch"),
  /** JAX ({@code jax.nn}). */
  JAX("jax"),
  /** ONNX operators (opset 22). */
  ONNX("onnx");

  private final String id;

  Dialect(String id) {
    this.id = id;
  }

  /**
   * The format in which the dialect holds a parameter for an input of dtype t (the second step of
   * rule {@code params.compute_format}, see {@link Storage#roundings}): PyTorch's op-math type
   * ({@code Scalar.to<opmath_t>()}: double for float64, float for every narrower dtype, the
   * CPU kernels' {@code negval_.to<float>()} for bfloat16); every other dialect the input's
   * dtype (TensorFlow {@code T(alpha)} and Python floats converted to the tensor's dtype, JAX's
   * weakly typed Python scalars, ONNX {@code CastLike(attribute, X)}).
   *
   * @param t the input's dtype, never {@code null}
   */
  public Dtype computeFormat(Dtype t) {
    return this == PYTORCH && t != Dtype.FLOAT64 ? Dtype.FLOAT32 : t;
  }

  /** The id used in the catalog, fixtures and on the command line. */
  public String id() {
    return id;
  }

  /**
   * Parses a dialect id.
   *
   * @throws IllegalArgumentException naming the token when it is not a dialect
   */
  public static Dialect fromId(String id) {
    for (Dialect d : values()) {
      if (d.id.equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown dialect '" + id + "' (expected keras3, tf_keras2, pytorch, jax or onnx)");
  }
}
