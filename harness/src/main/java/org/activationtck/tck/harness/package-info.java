/**
 * The harness: runs fixtures against an {@link org.activationtck.spi.Activation}, measures errors
 * in ULPs ({@link org.activationtck.tck.harness.Ulps}) and judges them under the tolerance model
 * ({@link org.activationtck.tck.harness.Verdict}, {@link org.activationtck.tck.harness.Tolerances}).
 */
package org.activationtck.tck.harness;
