/**
 * The TCK's public API: the {@link org.activationtck.spec.Activation} SPI that implementations
 * under test provide, and the value types it uses. Depends on nothing but the JDK.
 */
package org.activationtck.spec;
