package org.activationtck.cli.zoo;

import java.util.Arrays;
import java.util.Map;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/**
 * Deliberately wrong implementations of the kinds found in the wild. Each answers one function
 * in one dialect (values only) and is otherwise silent, so the TCK must reject it on its own
 * function while reporting everything else not implemented.
 */
enum Zoo {

  SOFTPLUS_NAIVE_OVERFLOWS_NEAR_710("softplus", "keras3", Dtype.FLOAT64,
      "log(1 + exp(x)): +Infinity above 709.78, log(1 + tiny) = 0 below -37",
      (x, p) -> Math.log(1 + Math.exp(x))),
  SELU_EIGHT_DIGIT_CONSTANTS("selu", "keras3", Dtype.FLOAT64,
      "alpha = 1.6732632, scale = 1.0507010 as printed in some docs",
      (x, p) -> x > 0 ? 1.0507010 * x : 1.0507010 * 1.6732632 * Math.expm1(x)),
  LEAKY_RELU_PYTORCH_DEFAULT_UNDER_KERAS3("leaky_relu", "keras3", Dtype.FLOAT32,
      "another framework's default slope (0.01 instead of Keras 3's 0.2)",
      (x, p) -> x > 0 ? x : 0.01f * (float) x),
  RELU_THRESHOLD_NOT_STRICT("relu", "keras3", Dtype.FLOAT32,
      "x >= threshold keeps x; Keras computes x * (x > threshold), so x == threshold gives 0",
      (x, p) -> {
        double t = Double.parseDouble(p.getOrDefault("threshold", "0"));
        double s = Double.parseDouble(p.getOrDefault("negative_slope", "0"));
        double m = p.containsKey("max_value") ? Double.parseDouble(p.get("max_value")) : Double.POSITIVE_INFINITY;
        double y = x >= t ? x : s == 0 ? x * 0 : (double) (float) (s * (x - t));
        return Math.min(y, m);
      }),
  RELU_POSITIVE_ZERO_WHERE_NEGATIVE_ZERO_DUE("relu", "keras3", Dtype.FLOAT64,
      "max(x, 0) with a threshold: +0.0 where Keras gives -0.0 (x * (x > threshold) for x < 0)",
      (x, p) -> {
        double t = Double.parseDouble(p.getOrDefault("threshold", "0"));
        double s = Double.parseDouble(p.getOrDefault("negative_slope", "0"));
        double m = p.containsKey("max_value") ? Double.parseDouble(p.get("max_value")) : Double.POSITIVE_INFINITY;
        if (Double.isNaN(x)) {
          return x;
        }
        double y = x > t ? x : s == 0 ? 0.0 : s * (x - t);
        return Math.min(y, m);
      }),
  HARD_SIGMOID_KERAS2_UNDER_KERAS3("hard_sigmoid", "keras3", Dtype.FLOAT32,
      "clip(0.2 x + 0.5, 0, 1), the tf.keras 2 definition, where Keras 3 means relu6(x + 3) / 6",
      (x, p) -> Math.max(0f, Math.min(1f, 0.2f * (float) x + 0.5f))),
  ELU_EXP_MINUS_ONE("elu", "keras3", Dtype.FLOAT64,
      "alpha * (exp(x) - 1): all digits lost for tiny negative x",
      (x, p) -> x > 0 ? x : Math.exp(x) - 1),
  SQUAREPLUS_NAIVE_TAIL("squareplus", "keras3", Dtype.FLOAT64,
      "(x + sqrt(x^2 + b)) / 2 cancels for x << 0 and overflows x^2",
      (x, p) -> (x + Math.sqrt(x * x + 4)) / 2),
  SOFTSIGN_FLOAT32_INTERMEDIATES("softsign", "keras3", Dtype.FLOAT32,
      "x / (1 + |x|) with the denominator rounded to float32 first",
      (x, p) -> {
        float xf = (float) x;
        float d = 1f + Math.abs(xf);
        return xf / d;
      }),
  LOG_SIGMOID_AS_LOG_OF_SIGMOID("log_sigmoid", "keras3", Dtype.FLOAT64,
      "log(1 / (1 + exp(-x))): -Infinity for x << 0, 0 instead of -e^-x for x >> 0",
      (x, p) -> Math.log(1 / (1 + Math.exp(-x)))),
  MISH_NAIVE("mish", "keras3", Dtype.FLOAT64,
      "x * tanh(log(1 + exp(x))): 0 instead of x e^x for x < -37",
      (x, p) -> x * Math.tanh(Math.log(1 + Math.exp(x)))),
  SOFTPLUS_PYTORCH_THRESHOLD_NOT_STRICT("softplus", "pytorch", Dtype.FLOAT64,
      "beta x >= threshold returns x; PyTorch switches only when beta x > threshold",
      (x, p) -> {
        double beta = Double.parseDouble(p.getOrDefault("beta", "1"));
        double th = Double.parseDouble(p.getOrDefault("threshold", "20"));
        double z = beta * x;
        if (z >= th) {
          return x;
        }
        return (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))) / beta;
      }),
  ELU_KERAS_SIGN_OF_ZERO_UNDER_PYTORCH("elu", "pytorch", Dtype.FLOAT64,
      "elu(-0.0) = -0.0 (Keras) where PyTorch's (exp(x) - 1) * alpha gives +0.0",
      (x, p) -> x > 0 ? x : Math.expm1(x)),
  GELU_TANH_FORM_SERVED_AS_EXACT("gelu", "keras3", Dtype.FLOAT32,
      "0.5 x (1 + tanh(sqrt(2/pi)(x + 0.044715 x^3))) where Keras 3's default is the exact erf form",
      (x, p) -> {
        if (p.getOrDefault("approximate", "false").equals("true")) {
          throw new UnsupportedOperationException("only the default is broken here");
        }
        double u = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
        return 0.5 * x * (1 + Math.tanh(u));
      }),
  GELU_ONE_PLUS_ERF_CANCELS("gelu", "pytorch", Dtype.FLOAT64,
      "0.5 x (1 + erf(x / sqrt 2)) with a correctly rounded erf: 1 + erf cancels for x < -5",
      (x, p) -> {
        if (p.getOrDefault("approximate", "false").equals("true")) {
          throw new UnsupportedOperationException("only the exact form is broken here");
        }
        if (!Double.isFinite(x) || x == 0) {
          return x == Double.NEGATIVE_INFINITY ? Double.NaN : x;
        }
        double t = x / Math.sqrt(2);
        double erf = org.activationtck.oracle.internal.Erf.erf(new java.math.BigDecimal(t), 20).doubleValue();
        return 0.5 * x * (1 + erf);
      }),
  SIGMOID_FLOAT32_INTERMEDIATES("sigmoid", "keras3", Dtype.FLOAT32,
      "1 / (1 + e^-x) with e^-x and the sum rounded to float32 before the division",
      (x, p) -> {
        float e = (float) Math.exp(-(float) x);
        float d = 1f + e;
        return 1f / d;
      }),
  TANH_SHRINK_NAIVE("tanh_shrink", "pytorch", Dtype.FLOAT64,
      "x - tanh(x): every digit lost near 0, where the value is x^3/3",
      (x, p) -> x - Math.tanh(x)),
  SOFTMAX_WITHOUT_MAX_SHIFT("softmax", "keras3", Dtype.FLOAT64,
      "exp(x) / sum(exp(x)) without subtracting the max: NaN for logits above 709",
      null) {
    @Override
    double[] vector(double[] x) {
      double sum = 0;
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = Math.exp(x[i]);
        sum += y[i];
      }
      for (int i = 0; i < x.length; i++) {
        y[i] /= sum;
      }
      return y;
    }
  },
  LOG_SOFTMAX_AS_LOG_OF_SOFTMAX("log_softmax", "pytorch", Dtype.FLOAT64,
      "log(softmax(x)): -Infinity where the probability underflows, lost digits near 1",
      null) {
    @Override
    double[] vector(double[] x) {
      double[] s = SOFTMAX_SHIFTED.apply(x);
      for (int i = 0; i < s.length; i++) {
        s[i] = Math.log(s[i]);
      }
      return s;
    }
  },
  SPARSEMAX_KERAS_TAU_BUG("sparsemax", "keras3", Dtype.FLOAT64,
      "tau from the sum of cumulative sums over the support (keras-team/keras#23425)",
      null) {
    @Override
    double[] vector(double[] x) {
      double[] z = x.clone();
      Arrays.sort(z);
      int n = z.length;
      double[] sorted = new double[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = z[n - 1 - i];
      }
      double[] cum = new double[n];
      double c = 0;
      int k = 0;
      for (int i = 0; i < n; i++) {
        c += sorted[i];
        cum[i] = c;
        if (1 + (i + 1) * sorted[i] > c) {
          k = i + 1;
        }
      }
      double sumOfCumsums = 0;
      for (int i = 0; i < k; i++) {
        sumOfCumsums += cum[i]; // the bug: should be cum[k - 1]
      }
      double tau = (sumOfCumsums - 1) / k;
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = Math.max(x[i] - tau, 0);
      }
      return y;
    }
  };

  /** Softmax with the max shift, for the log-of-softmax entry. */
  static final java.util.function.UnaryOperator<double[]> SOFTMAX_SHIFTED = x -> {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    double sum = 0;
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.exp(x[i] - m);
      sum += y[i];
    }
    for (int i = 0; i < x.length; i++) {
      y[i] /= sum;
    }
    return y;
  };

  final String function;
  final String dialect;
  final Dtype dtype;
  final String bug;
  private final Kernel elementwise;

  /** A broken elementwise kernel: x and the call's explicit parameters. */
  interface Kernel {
    double apply(double x, Map<String, String> params);
  }

  Zoo(String function, String dialect, Dtype dtype, String bug,
      Kernel elementwise) {
    this.function = function;
    this.dialect = dialect;
    this.dtype = dtype;
    this.bug = bug;
    this.elementwise = elementwise;
  }

  /** For axis entries: the broken vector function. */
  double[] vector(double[] x) {
    throw new UnsupportedOperationException();
  }

  /** This entry as an implementation under test. */
  Activation activation() {
    Zoo self = this;
    return new Activation() {
      @Override
      public String name() {
        return "zoo:" + self.name();
      }

      @Override
      public boolean supports(String f, String d, Dtype t, boolean derivative) {
        return f.equals(self.function) && d.equals(self.dialect) && t == self.dtype && !derivative;
      }

      @Override
      public double[] apply(Call call, double[] x) {
        double[] y;
        if (self.elementwise == null) {
          y = self.vector(x);
        } else {
          y = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            y[i] = self.elementwise.apply(x[i], call.params());
          }
        }
        if (call.dtype() == Dtype.FLOAT32) {
          for (int i = 0; i < y.length; i++) {
            y[i] = (float) y[i];
          }
        }
        return y;
      }
    };
  }
}
