/**
 * Shared numerical kernels of the fast reference (not part of any API): double-double arithmetic
 * on primitive hi/lo pairs, e^x, erf/erfc and log1p in double-double, and the final rounding of a
 * double-double result for the dtype it will be narrowed to ({@link
 * org.activationtck.reference.internal.DoubleRounding}). Every method is static and
 * allocation-free unless its comment says otherwise, so the elementwise kernels can call them in
 * their hot loops.
 */
package org.activationtck.reference.internal;
