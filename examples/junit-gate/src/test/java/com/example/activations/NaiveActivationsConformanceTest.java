package com.example.activations;

import java.nio.file.Path;
import java.util.List;
import org.activationtck.spi.Activation;
import org.activationtck.runner.junit.ActivationVerification;

/** The conformance gate: the TCK in PyTorch's dialect, known deviations listed and kept short. */
class NaiveActivationsConformanceTest extends ActivationVerification {

  @Override
  protected Activation createActivation() {
    return new NaiveActivations();
  }

  @Override
  protected Path expectedDeviations() {
    return Path.of("activation-tck-deviations.json");
  }

  @Override
  protected boolean strictDeviations() {
    return true;
  }

  @Override
  protected List<String> required() {
    return List.of("relu:float32", "leaky_relu:float32", "sigmoid:float32", "tanh:float32",
        "relu:float64", "sigmoid:float64");
  }
}
