package org.activationtck.interop;

import java.util.List;

/**
 * One attribute of an ONNX node ({@code AttributeProto}): a float (float32, as ONNX stores every
 * float attribute), an int (int64), a string, or a list of floats or ints.
 *
 * @param name the attribute name
 * @param type {@code AttributeProto.AttributeType}: FLOAT 1, INT 2, STRING 3, FLOATS 6, INTS 7
 * @param f the float value (FLOAT)
 * @param i the int value (INT)
 * @param s the string value (STRING)
 * @param floats the float values (FLOATS)
 * @param ints the int values (INTS)
 */
public record OnnxAttribute(String name, int type, float f, long i, String s, List<Float> floats,
    List<Long> ints) {

  public OnnxAttribute {
    floats = floats == null ? List.of() : List.copyOf(floats);
    ints = ints == null ? List.of() : List.copyOf(ints);
  }

  public static OnnxAttribute ofFloat(String name, float f) {
    return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_FLOAT, f, 0, null, null, null);
  }

  public static OnnxAttribute ofInt(String name, long i) {
    return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_INT, 0f, i, null, null, null);
  }

  public static OnnxAttribute ofString(String name, String s) {
    return new OnnxAttribute(name, OnnxProto.Attribute.TYPE_STRING, 0f, 0, s, null, null);
  }

  /** The value as written in a table: {@code alpha=0.2}, {@code approximate=tanh}. */
  public String display() {
    return name + "=" + switch (type) {
      case OnnxProto.Attribute.TYPE_FLOAT -> Float.toString(f);
      case OnnxProto.Attribute.TYPE_INT -> Long.toString(i);
      case OnnxProto.Attribute.TYPE_STRING -> s;
      case OnnxProto.Attribute.TYPE_FLOATS -> floats.toString();
      case OnnxProto.Attribute.TYPE_INTS -> ints.toString();
      default -> "<type " + type + ">";
    };
  }
}
