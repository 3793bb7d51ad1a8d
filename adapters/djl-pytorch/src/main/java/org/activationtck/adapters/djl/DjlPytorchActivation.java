package org.activationtck.adapters.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Optional;
import org.activationtck.adapters.support.CallParameters;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;
import org.activationtck.spec.catalog.Catalog;
import org.activationtck.spec.catalog.FunctionSpec;

/**
 * PyTorch (libtorch 2.7.1) through Deep Java Library 0.36.0, in the catalog's {@code pytorch}
 * dialect.
 *
 * <p>Values: the DJL call listed in {@link PytorchOps} on a float32 or float64 tensor created from
 * the input, so each dtype is computed by libtorch's own kernel for it. Derivatives: DJL autograd,
 * the gradient of {@code sum(f(x))} with respect to {@code x}, which for an elementwise function
 * is {@code f'(x_i)} at each element; axis functions get no derivative.
 *
 * <p>Every call works in its own sub-manager of one base manager and closes it, which frees every
 * native tensor it made (input, result, gradient). The engine needs {@code -Dai.djl.offline=true}
 * and {@code DJL_CACHE_DIR}/{@code ENGINE_CACHE_DIR} pointing under {@code target/} (see
 * adapter.properties), so that libtorch is unpacked from the pytorch-native-cpu jar there instead
 * of being downloaded into {@code ~/.djl.ai}, and {@code -Djna.tmpdir} there too (DJL's CUDA probe
 * loads JNA, which otherwise unpacks into {@code ~/.cache/JNA}). One thread at a time.
 */
public final class DjlPytorchActivation implements Activation {

  private static final String DIALECT = "pytorch";

  private final Catalog catalog = Catalog.standard();
  private NDManager base;

  @Override
  public String name() {
    return "djl-pytorch 0.36.0 (libtorch 2.7.1)";
  }

  /** libtorch computes PyTorch's semantics. */
  @Override
  public java.util.Set<String> dialects() {
    return java.util.Set.of(DIALECT);
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    Optional<FunctionSpec> f = catalog.find(function);
    if (!DIALECT.equals(dialect) || f.isEmpty() || !f.get().inDialect(DIALECT)
        || (dtype != Dtype.FLOAT32 && dtype != Dtype.FLOAT64)) {
      return false;
    }
    return derivative ? PytorchOps.elementwise(f.get().id()) : PytorchOps.find(f.get().id()).isPresent();
  }

  @Override
  public double[] apply(Call call, double[] x) {
    if (call.dtype() != Dtype.FLOAT64) {
      throw new UnsupportedOperationException("only float32 and float64 are computed natively");
    }
    try (NDManager m = manager().newSubManager()) {
      return evaluate(call, m.create(x)).toDoubleArray();
    }
  }

  @Override
  public float[] applyFloat32(Call call, float[] x) {
    try (NDManager m = manager().newSubManager()) {
      return evaluate(call, m.create(x)).toFloatArray();
    }
  }

  /** The value or the derivative of the call at {@code x}, attached to x's manager. */
  private NDArray evaluate(Call call, NDArray x) {
    if (!DIALECT.equals(call.dialect())) {
      throw new UnsupportedOperationException("DJL's PyTorch engine follows the pytorch dialect");
    }
    FunctionSpec f = catalog.require(call.function());
    PytorchOp op = PytorchOps.find(f.id()).orElseThrow(() ->
        new UnsupportedOperationException("DJL offers no " + f.id()));
    CallParameters p = new CallParameters("DJL", f, call);
    if (!call.derivative()) {
      return op.apply(x, p);
    }
    if (!PytorchOps.elementwise(f.id())) {
      throw new UnsupportedOperationException("no elementwise derivative for " + f.id());
    }
    x.setRequiresGradient(true);
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.backward(op.apply(x, p).sum());
    }
    return x.getGradient();
  }

  /** Arrays still held by this adapter's managers (0 between calls: every call closes its own). */
  int liveArrays() {
    return base == null ? 0 : base.getManagedArrays().size();
  }

  private NDManager manager() {
    if (base == null) {
      base = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }
    return base;
  }
}
