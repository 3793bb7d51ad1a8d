package org.activationtck.interop;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.activationtck.spi.Dtype;

/**
 * Runs a node-test folder with ONNX Runtime's Java API, as a backend's own test runner would, and
 * compares every output element bit for bit with the expected one (NaN equal to any NaN).
 */
final class OrtRunner {

  /** One element that differs. */
  record Mismatch(int set, int index, double x, double expected, double actual) {}

  private OrtRunner() {}

  static List<Mismatch> run(Path folder) throws Exception {
    NodeTestFolder test = NodeTestFolder.read(folder);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    List<Mismatch> out = new ArrayList<>();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      try (OrtSession session = env.createSession(Files.readAllBytes(folder.resolve(NodeTestFolder.MODEL)),
          options)) {
        for (int s = 0; s < test.dataSets().size(); s++) {
          NodeTestFolder.DataSet set = test.dataSets().get(s);
          Map<String, OnnxTensor> feeds = new HashMap<>();
          try {
            for (int i = 0; i < set.inputs().size(); i++) {
              feeds.put(test.model().inputs().get(i), tensor(env, set.inputs().get(i)));
            }
            try (OrtSession.Result r = session.run(feeds)) {
              Tensor expected = set.outputs().get(0);
              double[] actual = values((OnnxTensor) r.get(0), expected.dtype());
              for (int i = 0; i < expected.size(); i++) {
                double e = expected.at(i);
                double a = actual[i];
                boolean same = Double.isNaN(e) ? Double.isNaN(a)
                    : Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a);
                if (!same) {
                  out.add(new Mismatch(s, i, set.inputs().get(0).at(i), e, a));
                }
              }
            }
          } finally {
            feeds.values().forEach(OnnxTensor::close);
          }
        }
      }
    }
    return out;
  }

  static OnnxTensor tensor(OrtEnvironment env, Tensor t) throws OrtException {
    double[] v = t.values();
    if (t.dtype() == Dtype.FLOAT32) {
      float[] f = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        f[i] = (float) v[i];
      }
      return OnnxTensor.createTensor(env, FloatBuffer.wrap(f), t.dims());
    }
    if (t.dtype() == Dtype.FLOAT64) {
      return OnnxTensor.createTensor(env, DoubleBuffer.wrap(v), t.dims());
    }
    throw new IllegalArgumentException(t.dtype() + " is not run here");
  }

  static double[] values(OnnxTensor t, Dtype dtype) {
    if (dtype == Dtype.FLOAT32) {
      FloatBuffer b = t.getFloatBuffer();
      double[] out = new double[b.remaining()];
      for (int i = 0; i < out.length; i++) {
        out[i] = b.get(i);
      }
      return out;
    }
    DoubleBuffer b = t.getDoubleBuffer();
    double[] out = new double[b.remaining()];
    b.get(out);
    return out;
  }
}
