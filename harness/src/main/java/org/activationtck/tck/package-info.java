/**
 * The TCK's entry points for implementers: {@link org.activationtck.tck.ActivationVerification}
 * for JUnit 5 builds; the harness, reports, process adapter and reference live in sub-packages.
 */
package org.activationtck.tck;
