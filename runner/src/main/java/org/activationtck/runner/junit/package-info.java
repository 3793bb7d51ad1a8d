/**
 * The TCK inside an implementer's JUnit 5 build: extend {@link
 * org.activationtck.runner.junit.ActivationVerification} and return the implementation. Compiled
 * against JUnit Jupiter's API at provided scope, so that the build's own JUnit is the one used.
 */
package org.activationtck.runner.junit;
