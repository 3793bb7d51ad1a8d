/**
 * The fast double-precision reference implementation that ships with the TCK and must itself pass
 * the strict tier: one class per function in {@code reference.function}, fdlibm-style headers.
 */
package org.activationtck.tck.reference;
