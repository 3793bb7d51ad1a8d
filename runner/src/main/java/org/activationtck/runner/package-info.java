/**
 * The runner: runs fixtures against an {@link org.activationtck.spi.Activation}, measures errors
 * in ULPs ({@link org.activationtck.spec.format.Ulps}) and judges them under the tolerance model
 * ({@link org.activationtck.runner.Verdict}, {@link org.activationtck.runner.Tolerances}). The
 * deviation gate, the process adapter, the reports and the JUnit 5 integration live in
 * sub-packages.
 */
package org.activationtck.runner;
