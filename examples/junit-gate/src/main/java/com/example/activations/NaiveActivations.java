package com.example.activations;

import java.util.Set;
import org.activationtck.spi.Activation;
import org.activationtck.spi.Call;
import org.activationtck.spi.Dtype;

/**
 * Four activation functions written the way a small library might: PyTorch's semantics, float64
 * and float32, values and derivatives, straight from the textbook formulas. It has deviations
 * (listed, with their reasons, in activation-tck-deviations.json), which is the point.
 *
 * <p>Two system properties exist for the gate's own test (see check-gate.sh): {@code
 * naive.plant=leaky_relu} plants a regression (slope 0.02 instead of 0.01), {@code
 * naive.fix=relu} fixes a listed deviation (relu'(0)).
 */
public final class NaiveActivations implements Activation {

  private static final Set<String> FUNCTIONS = Set.of("relu", "leaky_relu", "sigmoid", "tanh");

  private final boolean plantLeakyRelu = "leaky_relu".equals(System.getProperty("naive.plant"));
  private final boolean fixRelu = "relu".equals(System.getProperty("naive.fix"));

  @Override
  public String name() {
    return "naive-activations";
  }

  @Override
  public String version() {
    return "1.0";
  }

  @Override
  public Set<String> dialects() {
    return Set.of("pytorch");
  }

  @Override
  public boolean supports(String function, String dialect, Dtype dtype, boolean derivative) {
    return FUNCTIONS.contains(function) && (dtype == Dtype.FLOAT64 || dtype == Dtype.FLOAT32);
  }

  @Override
  public double[] apply(Call call, double[] x) {
    double slope = 0.01;
    if (call.params().containsKey("negative_slope")) {
      slope = Double.parseDouble(call.params().get("negative_slope"));
    } else if (plantLeakyRelu) {
      slope = 0.02;
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = call.derivative() ? derivative(call.function(), x[i], slope) : value(call.function(), x[i], slope);
      if (call.dtype() == Dtype.FLOAT32) {
        y[i] = (float) y[i];
      }
    }
    return y;
  }

  private double value(String function, double x, double slope) {
    switch (function) {
      case "relu": return x > 0 ? x : 0;
      case "leaky_relu": return x > 0 ? x : slope * x;
      case "sigmoid": return 1 / (1 + Math.exp(-x));
      default: return Math.tanh(x);
    }
  }

  private double derivative(String function, double x, double slope) {
    switch (function) {
      case "relu": return fixRelu ? (x > 0 ? 1 : 0) : (x >= 0 ? 1 : 0);
      case "leaky_relu": return x > 0 ? 1 : slope;
      case "sigmoid": {
        double s = 1 / (1 + Math.exp(-x));
        return s * (1 - s);
      }
      default: {
        double t = Math.tanh(x);
        return 1 - t * t;
      }
    }
  }
}
