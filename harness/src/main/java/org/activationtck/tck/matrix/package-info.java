/**
 * The conformance matrix behind {@code ./tck matrix}: discovers the adapters under
 * {@code adapters/} ({@link org.activationtck.tck.matrix.AdapterSpec}), builds them, runs each in a
 * child JVM in the strict and the framework tier ({@link org.activationtck.tck.matrix.AdapterRunner}),
 * reads their JSON reports ({@link org.activationtck.tck.matrix.TierReport}), merges them into one
 * row per library, function, dtype and value/derivative ({@link org.activationtck.tck.matrix.Matrix})
 * with the strictest tier each meets ({@link org.activationtck.tck.matrix.RowTier}),
 * explains each failure with a reproducer and a heuristic diagnosis
 * ({@link org.activationtck.tck.matrix.Diagnosis}) and renders the result as Markdown and JSON
 * ({@link org.activationtck.tck.matrix.ConformanceJson} also reads the JSON back, so that the
 * Markdown can be rendered again without running the adapters).
 */
package org.activationtck.tck.matrix;
