package org.activationtck.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.spi.Dtype;
import org.junit.jupiter.api.Test;

/** The tolerances file: what its loader rejects, and what the shipped budgets promise. */
class TolerancesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode shipped() throws IOException {
    try (InputStream in = Catalog.class.getResourceAsStream(Catalog.RESOURCE_DIR + "tolerances.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  /** The shipped file with one change, parsed. */
  private static IllegalArgumentException rejected(Consumer<ObjectNode> change) throws IOException {
    ObjectNode doc = shipped();
    change.accept(doc);
    byte[] bytes = JSON.writeValueAsBytes(doc);
    return assertThrows(IllegalArgumentException.class, () -> Tolerances.parse(bytes, "t.json", Catalog.standard()));
  }

  private static ObjectNode function(ObjectNode doc, String id) {
    return (ObjectNode) doc.get("functions").get(id);
  }

  @Test
  void theShippedFileLoads() throws IOException {
    Tolerances.parse(JSON.writeValueAsBytes(shipped()), "t.json", Catalog.standard());
  }

  @Test
  void aMissingTierIsRejected() throws IOException {
    IllegalArgumentException e = rejected(d -> function(d, "gelu").remove("libm"));
    assertEquals("t.json: /functions/gelu/libm missing (every tier needs budgets)", e.getMessage());
  }

  @Test
  void aMissingDtypeIsRejected() throws IOException {
    IllegalArgumentException e = rejected(d -> ((ObjectNode) function(d, "sigmoid").get("framework")).remove("bfloat16"));
    assertEquals("t.json: /functions/sigmoid/framework/bfloat16 missing (every dtype needs a budget)", e.getMessage());
  }

  @Test
  void aMissingFunctionIsRejected() throws IOException {
    IllegalArgumentException e = rejected(d -> ((ObjectNode) d.get("functions")).remove("mish"));
    assertEquals("t.json: /functions/mish missing (every catalog function needs budgets)", e.getMessage());
  }

  @Test
  void unknownNamesAreRejected() throws IOException {
    assertEquals("t.json: /functions/swish: not a catalog function",
        rejected(d -> ((ObjectNode) d.get("functions")).set("swish", function(d, "silu").deepCopy())).getMessage());
    assertTrue(rejected(d -> function(d, "tanh").set("lenient", function(d, "tanh").get("framework").deepCopy()))
        .getMessage().startsWith("t.json: /functions/tanh/lenient: unknown key"));
    assertTrue(rejected(d -> ((ObjectNode) function(d, "tanh").get("libm")).put("float8", 3))
        .getMessage().startsWith("t.json: /functions/tanh/libm/float8: unknown key"));
  }

  @Test
  void aBudgetMustBeANumberAtLeastZero() throws IOException {
    assertEquals("t.json: /functions/elu/strict/float64 must be a number >= 0, got -1",
        rejected(d -> ((ObjectNode) function(d, "elu").get("strict")).put("float64", -1)).getMessage());
    assertEquals("t.json: /functions/elu/strict/float64 must be a number >= 0, got \"1\"",
        rejected(d -> ((ObjectNode) function(d, "elu").get("strict")).put("float64", "1")).getMessage());
  }

  @Test
  void aBudgetThatShrinksFromOneTierToTheNextIsRejected() throws IOException {
    IllegalArgumentException e = rejected(d -> ((ObjectNode) function(d, "softmax").get("framework")).put("float32", 3));
    assertTrue(e.getMessage().startsWith("t.json: /functions/softmax: the framework budget for float32 (3) is below"
        + " the libm budget ("), e.getMessage());
  }

  @Test
  void shippedBudgetsNeverShrinkFromStrictToLibmToFramework() {
    Tolerances t = Tolerances.standard();
    for (FunctionSpec f : Catalog.standard().functions()) {
      for (Dtype d : Dtype.values()) {
        double strict = t.budget(f.id(), d, Tier.STRICT);
        double libm = t.budget(f.id(), d, Tier.LIBM);
        double framework = t.budget(f.id(), d, Tier.FRAMEWORK);
        assertTrue(strict <= libm && libm <= framework, f.id() + " " + d.id() + ": " + strict + " / " + libm + " / " + framework);
      }
    }
  }

  @Test
  void theStrictTierIsWhatItWasBeforeTheTiers() {
    // exact functions 0 everywhere; the others 1 ulp in float64, correctly rounded in the narrow formats
    Tolerances t = Tolerances.standard();
    for (FunctionSpec f : Catalog.standard().functions()) {
      boolean exact = t.functionClass(f.id()).equals("exact");
      for (Dtype d : Dtype.values()) {
        double want = !exact && d == Dtype.FLOAT64 ? 1 : 0;
        assertEquals(want, t.budget(f.id(), d, Tier.STRICT), f.id() + " " + d.id());
      }
    }
    assertEquals("transcendental", t.functionClass("sigmoid"));
    assertEquals("composite", t.functionClass("gelu"));
    assertEquals("exact", t.functionClass("relu"));
  }

  @Test
  void overridesApplyInEveryTier() {
    Tolerances t = Tolerances.standard().withOverride("gelu:float32=4");
    for (Tier tier : Tier.values()) {
      assertEquals(4, t.budget("gelu", Dtype.FLOAT32, tier));
    }
    assertThrows(IllegalArgumentException.class, () -> t.budget("swish", Dtype.FLOAT32, Tier.STRICT));
  }

  @Test
  void lenientIsTheFrameworkTierUnderItsOldName() {
    assertSame(Tier.FRAMEWORK, Tier.fromId("lenient"));
    assertSame(Tier.FRAMEWORK, Tier.LENIENT);
    assertEquals("framework", Tier.fromId("lenient").id());
    assertTrue(Tier.FRAMEWORK.allowsFlushToZero());
    assertTrue(!Tier.LIBM.allowsFlushToZero() && !Tier.STRICT.allowsFlushToZero());
    assertEquals("unknown tier 'loose' (expected strict, libm or framework)",
        assertThrows(IllegalArgumentException.class, () -> Tier.fromId("loose")).getMessage());
  }
}
