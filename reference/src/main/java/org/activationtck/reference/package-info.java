/**
 * The fast reference implementation: every catalog function correctly rounded to float64, and to
 * float32, float16 and bfloat16 by rounding to odd and narrowing, at about the speed of a naive
 * {@code Math} loop. It must itself pass the strict tier. One class per function in {@code
 * reference.function} with fdlibm-style headers (reduction, error bound, cut-over points); the
 * shared kernels in {@code reference.internal}. Registered as the {@link
 * org.activationtck.spi.Activation} provider {@link org.activationtck.reference.ReferenceActivation}.
 */
package org.activationtck.reference;
