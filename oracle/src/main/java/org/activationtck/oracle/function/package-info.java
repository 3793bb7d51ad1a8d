/**
 * One class per catalog function, named after its id in upper camel case. Each header states the
 * definition, method, error bound, special cases and thresholds.
 */
package org.activationtck.oracle.function;
