/**
 * Exhaustive float32 sweeps: every one of the 2^32 float32 inputs (or a shard of them) of an
 * implementation checked against the correctly rounded float32 value ({@code ./tck exhaustive}).
 */
package org.activationtck.cli.exhaustive;
