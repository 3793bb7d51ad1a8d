/**
 * The {@code ./tck} command line (picocli): {@code run}, {@code oracle}, {@code fixtures},
 * {@code spec} and {@code matrix}. Usage errors exit with code 2 and one line on stderr.
 */
package org.activationtck.tck.cli;
