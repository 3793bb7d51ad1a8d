package org.activationtck.adapters.nd4j;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.activationtck.adapters.support.CallParameters;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationPReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J 1.0.0-M2.1 on its CPU backend (libnd4j with OpenBLAS), through the activation classes
 * Deeplearning4j uses, mapped by {@link Nd4jMappings}.
 *
 * <p>Values: {@code getActivation(x, false)} (inference mode) on a FLOAT or DOUBLE array made from
 * the input, so each dtype runs libnd4j's kernel instantiated for it. Derivatives:
 * {@code backprop(x, ones)}, whose first result is dL/dx = f'(x) elementwise. The input runs as a
 * 1 × n row (DL4J's layout: minibatch × features); softmax has no derivative here.
 *
 * <p>Every array a call creates is closed before it returns, which frees its native buffer at
 * once instead of at the next garbage collection. JavaCPP must unpack the native libraries under
 * {@code target/}: run with {@code -Dorg.bytedeco.javacpp.cachedir=<module>/target/javacpp} (see
 * adapter.properties). One thread at a time.
 */
public final class Nd4jActivation implements Activation {

  private final Catalog catalog = Catalog.standard();

  @Override
  public String name() {
    return "nd4j 1.0.0-M2.1 (nd4j-native, cpu)";
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    Optional<FunctionSpec> f = catalog.find(function);
    if (f.isEmpty() || (dtype != Dtype.FLOAT32 && dtype != Dtype.FLOAT64)) {
      return false;
    }
    return Nd4jMappings.find(f.get().id())
        .filter(m -> m.covers(dialect, derivative))
        .isPresent();
  }

  @Override
  public double[] apply(Call call, double[] x) {
    if (call.dtype() != Dtype.FLOAT64) {
      throw new UnsupportedOperationException("only float32 and float64 are computed natively");
    }
    return evaluate(call, Nd4j.createFromArray(x.clone()), out -> out.toDoubleVector());
  }

  @Override
  public float[] applyFloat32(Call call, float[] x) {
    return evaluate(call, Nd4j.createFromArray(x.clone()), out -> out.toFloatVector());
  }

  private <T> T evaluate(Call call, INDArray in, Function<INDArray, T> read) {
    Set<INDArray> made = Collections.newSetFromMap(new IdentityHashMap<>());
    made.add(in);
    try {
      FunctionSpec f = catalog.require(call.function());
      Nd4jMapping m = Nd4jMappings.find(f.id())
          .filter(found -> found.covers(call.dialect(), call.derivative()))
          .orElseThrow(() -> new UnsupportedOperationException("ND4J does not follow "
              + call.dialect() + " for " + f.id() + (call.derivative() ? "'" : "")));
      // DL4J's layout, minibatch x features: one row (softmax normalizes along it, PReLU takes one
      // slope per feature).
      INDArray x = in.reshape(1, in.length());
      made.add(x);
      IActivation act = m.factory().create(new CallParameters("ND4J", f, call), call.dialect(), x);
      if (act instanceof ActivationPReLU prelu) {
        made.add(prelu.getAlpha());
      }
      INDArray out;
      if (call.derivative()) {
        INDArray epsilon = Nd4j.onesLike(x);
        made.add(epsilon);
        out = act.backprop(x, epsilon).getFirst();
      } else {
        out = act.getActivation(x, false);
      }
      made.add(out);
      return read.apply(out.reshape(in.length()));
    } finally {
      for (INDArray a : made) {
        if (a.closeable() && !a.wasClosed()) {
          a.close();
        }
      }
    }
  }
}
