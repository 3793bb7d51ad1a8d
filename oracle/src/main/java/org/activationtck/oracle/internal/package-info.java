/**
 * Shared arbitrary-precision kernels (exp, expm1, log, log1p, sqrt, tanh, the logistic
 * function, erf/erfc) with stated relative error bounds. Not API: these may change at any time.
 */
package org.activationtck.oracle.internal;
