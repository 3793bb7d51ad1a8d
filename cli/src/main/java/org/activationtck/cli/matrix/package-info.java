/**
 * The conformance matrix behind {@code ./tck matrix}: discovers the adapters under
 * {@code adapters/} ({@link org.activationtck.cli.matrix.AdapterSpec}), builds them, runs each in a
 * child JVM in the strict and the framework tier ({@link org.activationtck.cli.matrix.AdapterRunner}),
 * reads their JSON reports ({@link org.activationtck.cli.matrix.TierReport}), merges them into one
 * row per library, function, dtype and value/derivative ({@link org.activationtck.cli.matrix.Matrix})
 * with the strictest tier each meets ({@link org.activationtck.cli.matrix.RowTier}),
 * explains each failure with a reproducer and a heuristic diagnosis
 * ({@link org.activationtck.cli.matrix.Diagnosis}) and renders the result as Markdown and JSON
 * ({@link org.activationtck.cli.matrix.ConformanceJson} also reads the JSON back, so that the
 * Markdown can be rendered again without running the adapters).
 */
package org.activationtck.cli.matrix;
