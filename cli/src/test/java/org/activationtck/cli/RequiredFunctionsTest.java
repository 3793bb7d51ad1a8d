package org.activationtck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.activationtck.fixtures.Fixtures;
import org.activationtck.oracle.FunctionRegistry;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.activationtck.reference.ReferenceRegistry;
import org.junit.jupiter.api.Test;

/**
 * Every function the project promises is in the catalog, implemented by the oracle and by the
 * reference, and has shipped fixtures: nothing is skipped silently.
 */
class RequiredFunctionsTest {

  static final List<String> REQUIRED = List.of("relu", "relu6", "leaky_relu", "prelu", "rrelu",
      "elu", "selu", "celu", "gelu", "silu", "hard_silu", "sigmoid", "hard_sigmoid", "log_sigmoid",
      "tanh", "hard_tanh", "tanh_shrink", "softplus", "softsign", "squareplus", "mish",
      "exponential", "linear", "soft_shrink", "hard_shrink", "threshold", "thresholded_relu",
      "sparse_plus", "sparse_sigmoid", "arctan", "soft_exponential", "softmax", "log_softmax",
      "softmin", "glu", "sparsemax", "crelu");

  @Test
  void everyRequiredFunction_isCatalogued_implemented_andHasFixtures() {
    List<String> missing = new ArrayList<>();
    for (String id : REQUIRED) {
      if (Catalog.standard().find(id).isEmpty()) {
        missing.add(id + ": not in the catalog");
      } else {
        if (FunctionRegistry.lookup(id).isEmpty()) {
          missing.add(id + ": no oracle class");
        }
        if (ReferenceRegistry.lookup(id).isEmpty()) {
          missing.add(id + ": no reference class");
        }
        if (Fixtures.shipped(id).isEmpty()) {
          missing.add(id + ": no fixtures");
        }
      }
    }
    assertTrue(missing.isEmpty(), String.join("\n", missing));
  }

  @Test
  void catalog_holdsExactlyTheRequiredFunctions() {
    List<String> ids = Catalog.standard().functions().stream().map(FunctionSpec::id).sorted().toList();
    assertEquals(REQUIRED.stream().sorted().toList(), ids);
  }
}
