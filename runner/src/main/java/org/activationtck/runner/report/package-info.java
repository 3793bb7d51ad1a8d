/** Report writers: console scoreboard, JSON, JUnit XML and a self-contained HTML page with plots. */
package org.activationtck.runner.report;
