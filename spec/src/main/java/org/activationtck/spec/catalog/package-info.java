/**
 * The activation catalog: one {@link org.activationtck.spec.catalog.FunctionSpec} per function,
 * with names, parameters and defaults per {@link org.activationtck.spec.catalog.Dialect}, exact
 * definitions, special values, rules and recorded disagreements.
 */
package org.activationtck.spec.catalog;
