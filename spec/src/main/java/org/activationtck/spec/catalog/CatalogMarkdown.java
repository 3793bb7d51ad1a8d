package org.activationtck.spec.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.activationtck.spi.API;

/**
 * Renders the catalog as the human-readable {@code spec/ACTIVATIONS.md}. Deterministic: the same
 * catalog gives the same bytes, so a test can fail when the committed file is stale.
 */
@API(status = API.Status.MAINTAINED, since = "0.1")
public final class CatalogMarkdown {

  private static final List<String> DIALECTS =
      List.of("keras3", "tf_keras2", "pytorch", "jax", "onnx");

  /** The header's statement of rule params.compute_format. */
  private static final String PRECISION_RULE =
      "Rule `params.compute_format`: a real parameter is rounded to the dialect's storage precision "
      + "for it, then to the dialect's compute format, and the function is then evaluated exactly "
      + "at that value. Storage (the parameter tables give it where it is not `compute`): "
      + "`float32` on every input dtype for ONNX float attributes, TensorFlow float op attrs "
      + "(tf.nn.leaky_relu's alpha, which Keras reaches) and the floatx casts of tf.keras 2 "
      + "layers; `dtype` for kernels that cast a parameter to the element type where their "
      + "dialect computes wider; otherwise `compute`, the compute format itself. Compute format: "
      + "the input's dtype (Keras, TensorFlow, JAX, ONNX), or PyTorch's op-math type (float64 "
      + "for float64 inputs, float32 for float32, float16 and bfloat16). Constants built into a "
      + "definition that a dialect stores rounded (*Constants*, per function) take the same steps "
      + "from their declared storage; all other arithmetic is exact. Each step rounds to nearest, "
      + "ties to even. A decimal parameter is taken as the exact value (frameworks parse it to a "
      + "double first, which can differ only for decimals within 2^-53 relative of a narrower "
      + "format's rounding midpoint).\n\n";

  private CatalogMarkdown() {}

  /** The Markdown text, ending with a newline. */
  public static String render(Catalog catalog) {
    StringBuilder b = new StringBuilder();
    b.append("# Activation catalog\n\n")
        .append("<!-- Generated from spec/src/main/resources/org/activationtck/spec/catalog/*.json by\n")
        .append("     `./tck spec markdown`. Do not edit by hand: a test fails when this file is stale. -->\n\n")
        .append("Catalog version ").append(catalog.version()).append(". ")
        .append(catalog.functions().size()).append(" functions. Dialects: ")
        .append(String.join(", ", DIALECTS.stream().map(d -> "`" + d + "`").toList()))
        .append(" (`keras3` is the default). The implementation of each framework, not its prose ")
        .append("documentation, is normative; disagreements are listed under *Notes*.\n\n")
        .append(PRECISION_RULE);
    b.append("| function | kind | ").append(String.join(" | ", DIALECTS)).append(" |\n|---|---|");
    b.append("---|".repeat(DIALECTS.size())).append('\n');
    for (FunctionSpec f : catalog.functions()) {
      b.append("| [").append(f.id()).append("](#").append(f.id().replace("_", "_")).append(") | ")
          .append(f.kind() == Kind.AXIS ? "axis" : "elementwise");
      for (String d : DIALECTS) {
        List<String> names = f.names().get(d);
        b.append(" | ").append(names == null ? "—" : code(names.get(0)));
      }
      b.append(" |\n");
    }
    renderDialects(b, catalog);
    for (FunctionSpec f : catalog.functions()) {
      renderFunction(b, f);
    }
    return b.toString();
  }

  /** The section "Dialects and versions": the release each dialect pins and its version notes. */
  private static void renderDialects(StringBuilder b, Catalog catalog) {
    if (catalog.dialects().isEmpty()) {
      return;
    }
    b.append("\n## Dialects and versions\n\n")
        .append("Each dialect pins the behaviour of one framework at the releases named here; a value or ")
        .append("derivative is normative for those releases. The notes list known differences between ")
        .append("releases that change a value or a derivative, and which release the catalog follows.\n\n")
        .append("| dialect | framework | releases | what was read |\n|---|---|---|---|\n");
    for (DialectSpec d : catalog.dialects()) {
      b.append("| `").append(d.id()).append("` | ").append(cell(d.framework())).append(" | ")
          .append(cell(d.version())).append(" | ").append(cell(d.describes())).append(" |\n");
    }
    for (DialectSpec d : catalog.dialects()) {
      if (d.versionNotes().isEmpty()) {
        continue;
      }
      b.append("\n**").append(d.id()).append(" version notes.**\n\n");
      d.versionNotes().forEach(n -> note(b, n));
    }
  }

  private static void renderFunction(StringBuilder b, FunctionSpec f) {
    b.append("\n## ").append(f.id()).append("\n\n").append(f.summary()).append("\n\n");
    b.append("Kind: ").append(f.kind() == Kind.AXIS ? "along an axis" : "elementwise").append(".\n\n");
    b.append("**Names.**");
    for (String d : DIALECTS) {
      List<String> names = f.names().get(d);
      if (names != null) {
        b.append(" ").append(d).append(": ").append(String.join(", ", names.stream().map(CatalogMarkdown::code).toList())).append(";");
      }
    }
    b.setLength(b.length() - 1);
    b.append(".\n\n");
    b.append("**Definition.**\n\n");
    for (Map.Entry<String, String> e : new TreeMap<>(f.definition()).entrySet()) {
      b.append("- ").append(e.getKey()).append(": ").append(code(e.getValue())).append('\n');
    }
    if (f.derivative() != null) {
      b.append("\n**Derivative.** ").append(code(f.derivative())).append("\n");
    }
    if (!f.parameters().isEmpty()) {
      b.append("\n**Parameters.**\n\n| name | type | constraint | ");
      b.append(String.join(" | ", DIALECTS)).append(" |\n|---|---|---|").append("---|".repeat(DIALECTS.size())).append('\n');
      for (ParameterSpec p : f.parameters()) {
        b.append("| ").append(code(p.name())).append(" | ").append(p.type())
            .append(p.values().isEmpty() ? "" : " " + p.values()).append(" | ")
            .append(cell(p.constraint()));
        for (String d : DIALECTS) {
          String name = p.names().get(d);
          String def = p.defaults().get(d);
          b.append(" | ");
          if (def == null && name == null) {
            b.append("—");
          } else {
            if (name != null && !name.equals(p.name())) {
              b.append(code(name)).append(" ");
            }
            b.append(def == null ? "(required)" : code(def));
            StorageRule rule = p.precision().get(d);
            if (rule != null) {
              b.append(" ").append(storage(rule));
            }
          }
        }
        b.append(" |\n");
      }
    }
    if (!f.constants().isEmpty()) {
      renderConstants(b, f);
    }
    if (!f.kinks().isEmpty()) {
      b.append("\n**Derivative at kinks.**\n\n");
      for (Kink k : f.kinks()) {
        b.append("- ").append(k.at()).append(": ");
        StringBuilder parts = new StringBuilder();
        for (String d : new TreeSet<>(k.derivative().keySet())) {
          parts.append(d).append(" ").append(code(k.derivative().get(d))).append(", ");
        }
        if (parts.length() > 0) {
          parts.setLength(parts.length() - 2);
        }
        b.append(parts).append('\n');
      }
    }
    if (!f.derivativeAtNan().isEmpty()) {
      b.append("\n**Derivative at NaN.** ");
      StringBuilder parts = new StringBuilder();
      for (NanDerivative d : f.derivativeAtNan()) {
        parts.append(String.join(", ", d.dialects())).append(" ").append(code(d.value()));
        if (!d.when().isEmpty()) {
          parts.append(" when ");
          new TreeMap<>(d.when()).forEach((k, v) -> parts.append(code(k + " = " + v)).append(", "));
          parts.setLength(parts.length() - 2);
        }
        parts.append("; ");
      }
      b.append(parts).append("otherwise `NaN`.\n");
    }
    if (!f.special().isEmpty()) {
      b.append("\n**Special values.** ");
      StringBuilder parts = new StringBuilder();
      for (String key : new TreeSet<>(f.special().keySet())) {
        parts.append("f(").append(key).append(") = ").append(code(f.special().get(key))).append("; ");
      }
      parts.setLength(parts.length() - 2);
      b.append(parts).append(".\n");
    }
    if (!f.properties().isEmpty()) {
      b.append("\n**Properties.**\n\n");
      f.properties().forEach(p -> b.append("- ").append(p).append('\n'));
    }
    b.append("\n**Rules.**\n\n");
    for (Rule r : f.rules()) {
      b.append("- `").append(r.id()).append("`");
      if (!r.dialects().isEmpty()) {
        b.append(" (").append(String.join(", ", r.dialects())).append(")");
      }
      b.append(": ").append(r.text()).append('\n');
      for (String d : new TreeSet<>(r.positionDependent().keySet())) {
        PositionDependence p = r.positionDependent().get(d);
        b.append("  - *Position-dependent in ").append(d).append("* (SIMD blocks give ")
            .append(code(p.simd())).append("): ").append(p.text()).append('\n');
      }
    }
    if (!f.notes().isEmpty()) {
      b.append("\n**Notes.**\n\n");
      f.notes().forEach(n -> note(b, n));
    }
    b.append("\n**Sources.** ").append(String.join("; ", f.sources())).append("\n");
  }

  private static void note(StringBuilder b, Note n) {
    b.append("- ");
    if (n.rule() != null) {
      b.append("[`").append(n.rule()).append("`] ");
    }
    b.append(n.text());
    if (n.source() != null) {
      b.append(" *Source:* ").append(n.source());
    }
    b.append('\n');
  }

  /** The constants table: value, decimal and storage per dialect (— exact or unused). */
  private static void renderConstants(StringBuilder b, FunctionSpec f) {
    b.append("\n**Constants** (storage per dialect; — exact, or not in that dialect's ")
        .append("definition).\n\n| name | value | decimal | ")
        .append(String.join(" | ", DIALECTS)).append(" |\n|---|---|---|")
        .append("---|".repeat(DIALECTS.size())).append('\n');
    for (ConstantSpec c : f.constants()) {
      b.append("| ").append(code(c.name())).append(" | ").append(code(c.value())).append(" | ")
          .append(code(c.decimal()));
      for (String d : DIALECTS) {
        Storage s = c.precision().get(d);
        b.append(" | ").append(s == null ? "—" : s.id());
      }
      b.append(" |\n");
    }
    b.append('\n');
    f.constants().forEach(c -> b.append("- `").append(c.name()).append("`: ")
        .append(c.description()).append('\n'));
  }

  /** A parameter's storage in a table cell: {@code (float32)}, with its condition if any. */
  private static String storage(StorageRule rule) {
    if (rule.when().isEmpty()) {
      return "(" + rule.storage().id() + ")";
    }
    StringBuilder w = new StringBuilder();
    new java.util.TreeMap<>(rule.when()).forEach((k, v) ->
        w.append(w.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
    return "(" + rule.storage().id() + " where " + w + ")";
  }

  private static String code(String s) {
    return "`" + s.replace("`", "'").replace("|", "\\|") + "`";
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|");
  }
}
