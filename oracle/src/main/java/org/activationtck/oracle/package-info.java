/**
 * The arbitrary-precision oracle: {@link org.activationtck.oracle.Oracle} evaluates any catalog
 * function exactly and rounds correctly ({@link org.activationtck.spec.format.Rounding},
 * {@link org.activationtck.oracle.OracleValue}). One class per function lives in
 * {@code org.activationtck.oracle.function}; shared kernels in {@code oracle.internal}.
 */
package org.activationtck.oracle;

import org.activationtck.spec.format.Rounding;
