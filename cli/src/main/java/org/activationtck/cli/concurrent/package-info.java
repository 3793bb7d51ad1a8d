/**
 * Helpers for running the command line's work on all cores without changing what it prints:
 * results come back in the order the work was handed in.
 */
package org.activationtck.cli.concurrent;
