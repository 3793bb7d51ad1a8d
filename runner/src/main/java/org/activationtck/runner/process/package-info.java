/** The process adapter: implementations in any language over JSON lines on stdin/stdout. */
package org.activationtck.runner.process;
