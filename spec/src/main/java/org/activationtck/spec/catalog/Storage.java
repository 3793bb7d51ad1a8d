package org.activationtck.spec.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.activationtck.spi.API;
import org.activationtck.spi.Dtype;

/**
 * The precision in which a dialect holds a real parameter, or a constant of a definition, before
 * it computes with it (catalog rule {@code params.compute_format}). A value is rounded to the
 * formats of {@link #roundings} in turn (nearest, ties to even); the function is then evaluated
 * exactly at the result.
 */
@API(status = API.Status.STABLE, since = "0.2")
public enum Storage {

  /** The exact real: no rounding (the default for a constant of a definition). */
  EXACT("exact"),

  /**
   * Rounded to the dialect's compute format for the input ({@link Dialect#computeFormat}): the
   * default for a parameter. PyTorch casts its double {@code Scalar} to the op-math type,
   * TensorFlow and JAX convert a Python float to the tensor's dtype.
   */
  COMPUTE("compute"),

  /**
   * Rounded to the input's own dtype, then to the compute format (exact): for kernels that cast
   * a parameter to the element type where their dialect otherwise computes wider (PyTorch's
   * {@code threshold} and {@code hardshrink} kernels, {@code scalar_t} for bfloat16 too).
   */
  DTYPE("dtype"),

  /**
   * Stored as float32 whatever the input, then rounded to the compute format: ONNX float
   * attributes ({@code AttributeProto.f} is a protobuf {@code float}), TensorFlow {@code float}
   * op attrs (tf.nn.leaky_relu's {@code alpha}), Keras 2 layers' {@code backend.cast_to_floatx}.
   */
  FLOAT32("float32");

  private final String id;

  Storage(String id) {
    this.id = id;
  }

  /** The id used in the catalog JSON, e.g. {@code float32}. */
  @JsonValue
  public String id() {
    return id;
  }

  /**
   * Parses an id.
   *
   * @throws IllegalArgumentException naming the token when it is not a storage precision
   */
  @JsonCreator
  public static Storage fromId(String id) {
    for (Storage s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown precision '" + id + "' (expected exact, compute, dtype or float32)");
  }

  /**
   * The formats a value is rounded to, in order: none for {@link #EXACT}, else this storage's
   * format and then the compute format (the second rounding is exact for every storage but
   * {@link #FLOAT32} on a float16 or bfloat16 input).
   *
   * @param input the input's dtype, never {@code null}
   * @param compute the dialect's compute format for that input ({@link Dialect#computeFormat})
   */
  public List<Dtype> roundings(Dtype input, Dtype compute) {
    switch (this) {
      case EXACT:
        return List.of();
      case COMPUTE:
        return List.of(compute);
      case DTYPE:
        return List.of(input, compute);
      default:
        return List.of(Dtype.FLOAT32, compute);
    }
  }
}
