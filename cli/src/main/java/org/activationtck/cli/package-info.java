/**
 * The {@code ./tck} command line (picocli): {@code run}, {@code oracle}, {@code fixtures},
 * {@code spec}, {@code matrix}, {@code exhaustive} and {@code bench}, packaged as one runnable jar.
 * Usage errors exit with code 2 and one line on stderr.
 */
package org.activationtck.cli;
