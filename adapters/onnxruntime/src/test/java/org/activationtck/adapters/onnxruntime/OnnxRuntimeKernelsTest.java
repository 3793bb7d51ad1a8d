package org.activationtck.adapters.onnxruntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The declared table {@link OnnxRuntimeActivation#KERNELS} against ONNX Runtime itself: every
 * declared (function, dtype) runs, every undeclared one is refused, and every function the catalog
 * gives an onnx name has an entry.
 */
class OnnxRuntimeKernelsTest {

  private static final OnnxRuntimeActivation ORT = new OnnxRuntimeActivation();

  @AfterAll
  static void close() {
    ORT.close();
  }

  static Stream<Arguments> onnxFunctions() {
    List<Arguments> out = new ArrayList<>();
    for (FunctionSpec f : Catalog.standard().functions()) {
      if (f.inDialect("onnx")) {
        out.add(Arguments.of(f.id(), Dtype.FLOAT32));
        out.add(Arguments.of(f.id(), Dtype.FLOAT64));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("onnxFunctions")
  void declaredExactlyWhereOnnxRuntimeRunsIt(String function, Dtype dtype) {
    // gelu float64 runs in its tanh form only; that is the form probed here.
    Map<String, String> params = function.equals("gelu") ? Map.of("approximate", "true") : Map.of();
    Call call = new Call(function, "onnx", params, dtype, false, -1);
    boolean runs;
    try {
      if (dtype == Dtype.FLOAT32) {
        assertEquals(2, ORT.applyFloat32(call, new float[] {-0.75f, 0.5f}).length);
      } else {
        assertEquals(2, ORT.apply(call, new double[] {-0.75, 0.5}).length);
      }
      runs = true;
    } catch (UnsupportedOperationException e) {
      runs = false;
    }
    assertEquals(runs, ORT.supports(function, "onnx", dtype, false),
        function + " " + dtype + ": declared " + ORT.supports(function, "onnx", dtype, false)
            + " but ONNX Runtime " + (runs ? "runs it" : "refuses it"));
  }

  @Test
  void everyOnnxFunctionOfTheCatalogHasAnEntry() {
    for (FunctionSpec f : Catalog.standard().functions()) {
      assertEquals(f.inDialect("onnx"), OnnxRuntimeActivation.KERNELS.containsKey(f.id()), f.id());
    }
  }

  @Test
  void geluErfFormIsRefusedInFloat64() {
    Call call = new Call("gelu", "onnx", Map.of(), Dtype.FLOAT64, false, -1);
    try {
      ORT.apply(call, new double[] {1.0});
    } catch (UnsupportedOperationException e) {
      assertTrue(e.getMessage().contains("Erf"), e.getMessage());
      return;
    }
    throw new AssertionError("ONNX Runtime 1.22.0 has no double Erf; the erf form should be refused");
  }
}
