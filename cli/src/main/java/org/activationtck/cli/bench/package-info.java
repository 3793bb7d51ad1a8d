/**
 * Throughput benchmarks behind {@code ./tck bench}: warm-up, timed rounds, a printed table. Not
 * part of the default tests (speed is measured by benchmarks, never by timed unit tests).
 */
package org.activationtck.cli.bench;
