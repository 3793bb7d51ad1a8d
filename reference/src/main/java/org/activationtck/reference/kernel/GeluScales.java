package org.activationtck.reference.kernel;

import static org.activationtck.reference.internal.DoubleDouble.mul;

import java.math.BigDecimal;
import java.util.Optional;
import org.activationtck.spec.params.Params;
import org.activationtck.reference.internal.DoubleDouble;

/**
 * gelu's constants for one kernel, as the dialect holds them (the catalog's constants of gelu,
 * rule params.compute_format), as double-doubles, with the Taylor series of f' about its root
 * where one was computed for exactly these constants ({@link RootTaylor}, float64 kernels).
 *
 * <p>Exact form, f = (x/2) erfc(-s x): s, q = 2 s^2 (so that 2 t^2 = q x^2 for t = s |x|) and the
 * density factor s/sqrt(pi) (f' = Phi + x (s/sqrt pi) e^(-t^2)). s is 1/sqrt 2 (onnx, and
 * parameters without constants), a stored sqrt_half (pytorch, jax), or 1/sqrt_2 for a stored
 * sqrt_2 (keras3, tf_keras2): then s = 1/r and q = 2/r^2 carry 2^-104 relative. Tanh form,
 * v = c (x + kappa x^3): c = 2b with b a stored sqrt_2_over_pi, or sqrt(two_over_pi) of ONNX's
 * stored float32 (its double-double square root, 2^-104), or the exact 2 sqrt(2/pi); kappa
 * stored or 0.044715.
 *
 * <p>Constants (root series: mpmath at 80 digits, findroot and taylor of f', rounded as written;
 * c1 = f''(x0) a double-double, then f'''(x0)/2 .. f^(6)(x0)/5):
 * <ul>
 *   <li>exact s: root -0.75179152469356446, from {@link Gelu#EXACT_ROOT};
 *   <li>s = fl(sqrt(1/2)) = 0x1.6a09e667f3bcdp-1: root -0.75179152469356441;
 *   <li>s = 1/fl(sqrt 2), fl(sqrt 2) = 0x1.6a09e667f3bcdp+0: root -0.75179152469356451;
 *   <li>exact tanh constants: root -0.75246142207101626, from {@link Gelu#TANH_ROOT};
 *   <li>b = fl(sqrt(2/pi)) = 0x1.9884533d43651p-1, kappa = fl(0.044715): root -0.75246142207101622;
 *   <li>b = sqrt(float32(0.63661977236)), kappa = float32(0.044715) (ONNX): root
 *       -0.75246143701450206.
 * </ul>
 */
public final class GeluScales {

  /** 1/sqrt(pi) = 0x1.20dd750429b6dp-1 + 0x1.1ae3a914fed80p-57 (0.5641895835477563). */
  private static final DoubleDouble INV_SQRT_PI =
      DoubleDouble.of(0x1.20dd750429b6dp-1, 0x1.1ae3a914fed80p-57);

  /** sqrt(1/2) = 0x1.6a09e667f3bcdp-1 - 0x1.bdd3413b26456p-55 (0.7071067811865476). */
  public static final DoubleDouble SQRT_HALF =
      DoubleDouble.of(0x1.6a09e667f3bcdp-1, -0x1.bdd3413b26456p-55);

  /** 1/sqrt(2 pi) = 0x1.9884533d43651p-2 - 0x1.cbc0d30ebfd15p-56 (0.3989422804014327). */
  public static final DoubleDouble INV_SQRT_2PI =
      DoubleDouble.of(0x1.9884533d43651p-2, -0x1.cbc0d30ebfd15p-56);

  /** 2 sqrt(2/pi) = 0x1.9884533d43651p+0 - 0x1.cbc0d30ebfd15p-54 (1.5957691216057308). */
  public static final DoubleDouble C = DoubleDouble.of(0x1.9884533d43651p+0, -0x1.cbc0d30ebfd15p-54);

  /** 0.044715 = 0x1.6e4e26d4801f7p-5 + 0x1.441355475a31ap-59. */
  public static final DoubleDouble KAPPA = DoubleDouble.of(0x1.6e4e26d4801f7p-5, 0x1.441355475a31ap-59);

  /** Exact form: root of f', -0.7517915246935645 = -0x1.80ead197f00b4p-1 + 0x1.13e74c58cada8p-56. */
  public static final DoubleDouble EXACT_ROOT =
      DoubleDouble.of(-0x1.80ead197f00b4p-1, 0x1.13e74c58cada8p-56);

  /** f''(EXACT_ROOT) = 0.4314939923140469 = 0x1.b9d98fa5a3215p-2 + 0x1.f7c1a23190c7cp-56. */
  public static final DoubleDouble EXACT_C1 = DoubleDouble.of(0x1.b9d98fa5a3215p-2, 0x1.f7c1a23190c7cp-56);

  /** Tanh form: root of f', -0.7524614220710163 = -0x1.81429f9e97e4dp-1 + 0x1.4f523ed77dbdcp-55. */
  public static final DoubleDouble TANH_ROOT =
      DoubleDouble.of(-0x1.81429f9e97e4dp-1, 0x1.4f523ed77dbdcp-55);

  /** f''(TANH_ROOT) = 0.4304000910248585 = 0x1.b8bacd2c96b91p-2 + 0x1.7625a206be83dp-56. */
  public static final DoubleDouble TANH_C1 = DoubleDouble.of(0x1.b8bacd2c96b91p-2, 0x1.7625a206be83dp-56);

  /** The root of f' and the Taylor coefficients of f' there, for one set of constants. */
  public record RootSeries(DoubleDouble root, DoubleDouble c1, double... higher) {}

  /** fl(sqrt 2) = 0x1.6a09e667f3bcdp+0, the double tf.nn.gelu divides by. */
  private static final double SQRT2_DOUBLE = 0x1.6a09e667f3bcdp+0;

  /** The double-double of ONNX's sqrt(float32(0.63661977236)), times 2. */
  private static final DoubleDouble ONNX_C = twiceSqrt(0.636619746685028076171875);

  private static final RootSeries EXACT_SERIES = new RootSeries(EXACT_ROOT, EXACT_C1,
      0x1.8d9a941de3ac5p-2, -0x1.2a2ef9bb865aep-6, -0x1.d2fa4c17c7e84p-4, -0x1.e4088244f901dp-7);

  private static final RootSeries STORED_HALF_SERIES = new RootSeries(
      DoubleDouble.of(-0x1.80ead197f00b3p-1, -0x1.9c0cb636f32b0p-55),
      DoubleDouble.of(0x1.b9d98fa5a3216p-2, 0x1.7dd0b83ddfad8p-60),
      0x1.8d9a941de3ac6p-2, -0x1.2a2ef9bb865afp-6, -0x1.d2fa4c17c7e86p-4, -0x1.e4088244f9020p-7);

  private static final RootSeries STORED_SQRT2_SERIES = new RootSeries(
      DoubleDouble.of(-0x1.80ead197f00b4p-1, -0x1.500bfd7041fa8p-55),
      DoubleDouble.of(0x1.b9d98fa5a3215p-2, -0x1.42ce3905e35abp-59),
      0x1.8d9a941de3ac4p-2, -0x1.2a2ef9bb865adp-6, -0x1.d2fa4c17c7e82p-4, -0x1.e4088244f901ap-7);

  private static final RootSeries TANH_SERIES = new RootSeries(TANH_ROOT, TANH_C1,
      0x1.8cd1a2b2fff33p-2, -0x1.029615edb077ap-6, -0x1.d2b77346470abp-4, -0x1.104a83edc0ddcp-6);

  private static final RootSeries STORED_TANH_SERIES = new RootSeries(
      DoubleDouble.of(-0x1.81429f9e97e4cp-1, -0x1.406439d087aa4p-55),
      DoubleDouble.of(0x1.b8bacd2c96b92p-2, -0x1.8aaa9f8f398dfp-56),
      0x1.8cd1a2b2fff33p-2, -0x1.029615edb0776p-6, -0x1.d2b77346470adp-4, -0x1.104a83edc0de1p-6);

  private static final RootSeries ONNX_TANH_SERIES = new RootSeries(
      DoubleDouble.of(-0x1.8142a01ef4f77p-1, 0x1.4452c5da85bd1p-56),
      DoubleDouble.of(0x1.b8bacc9ede07cp-2, -0x1.67eb2faa260dfp-57),
      0x1.8cd1a1a766bc5p-2, -0x1.029615853dc84p-6, -0x1.d2b770cef0965p-4, -0x1.104a81baf93fdp-6);

  /** The exact reals, for parameters resolved without constants (tests, Params.of). */
  public static final GeluScales EXACT = new GeluScales(SQRT_HALF, DoubleDouble.ONE,
      INV_SQRT_2PI, EXACT_SERIES, C, KAPPA, TANH_SERIES);

  public final DoubleDouble s;
  public final DoubleDouble q;
  public final DoubleDouble density;
  public final RootSeries exactRoot;
  public final DoubleDouble c;
  public final DoubleDouble kappa;
  public final DoubleDouble threeKappa;
  public final RootSeries tanhRoot;

  private GeluScales(DoubleDouble s, DoubleDouble q, DoubleDouble density, RootSeries exactRoot,
      DoubleDouble c, DoubleDouble kappa, RootSeries tanhRoot) {
    this.s = s;
    this.q = q;
    this.density = density;
    this.exactRoot = exactRoot;
    this.c = c;
    this.kappa = kappa;
    this.threeKappa = mul(kappa, 3);
    this.tanhRoot = tanhRoot;
  }

  /** The constants of the resolved parameters p (their stored constants, else the exact reals). */
  public static GeluScales of(Params p) {
    DoubleDouble s = EXACT.s;
    DoubleDouble q = EXACT.q;
    DoubleDouble density = EXACT.density;
    RootSeries exactRoot = EXACT.exactRoot;
    Optional<BigDecimal> sqrtHalf = p.constant("sqrt_half");
    Optional<BigDecimal> sqrtTwo = p.constant("sqrt_2");
    if (sqrtHalf.isPresent()) {
      double h = sqrtHalf.get().doubleValue();
      s = DoubleDouble.of(h);
      q = DoubleDouble.scalb(mul(s, h), 1);
      density = mul(INV_SQRT_PI, h);
      exactRoot = h == 0x1.6a09e667f3bcdp-1 ? STORED_HALF_SERIES : null;
    } else if (sqrtTwo.isPresent()) {
      double r = sqrtTwo.get().doubleValue();
      s = DoubleDouble.div(DoubleDouble.ONE, r);
      q = DoubleDouble.div(DoubleDouble.of(2), mul(DoubleDouble.of(r), r));
      density = mul(INV_SQRT_PI, s);
      exactRoot = r == SQRT2_DOUBLE ? STORED_SQRT2_SERIES : null;
    }
    DoubleDouble c = EXACT.c;
    DoubleDouble kappa = p.constant("kappa").map(k -> DoubleDouble.of(k.doubleValue()))
        .orElse(EXACT.kappa);
    RootSeries tanhRoot = p.constant("kappa").isPresent() ? null : EXACT.tanhRoot;
    Optional<BigDecimal> b = p.constant("sqrt_2_over_pi");
    Optional<BigDecimal> twoOverPi = p.constant("two_over_pi");
    if (b.isPresent()) {
      c = DoubleDouble.of(2 * b.get().doubleValue());
      tanhRoot = c.hi == 2 * 0x1.9884533d43651p-1 && kappa.hi == 0.044715 && kappa.lo == 0
          ? STORED_TANH_SERIES : null;
    } else if (twoOverPi.isPresent()) {
      c = twiceSqrt(twoOverPi.get().doubleValue());
      tanhRoot = c.hi == ONNX_C.hi && c.lo == ONNX_C.lo && kappa.hi == 0.044715f && kappa.lo == 0
          ? ONNX_TANH_SERIES : null;
    }
    return new GeluScales(s, q, density, exactRoot, c, kappa, tanhRoot);
  }

  /** 2 sqrt(v) as a double-double: h = sqrt(v), h + (v - h^2)/(2h) (fma), within 2^-104. */
  private static DoubleDouble twiceSqrt(double v) {
    double h = Math.sqrt(v);
    double l = Math.fma(-h, h, v) / (2 * h);
    return DoubleDouble.of(2 * h, 2 * l);
  }
}
