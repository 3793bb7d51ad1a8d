/**
 * The TCK's public API: the {@link org.activationtck.spi.Activation} SPI that implementations
 * under test provide, and the value types it uses. Depends on nothing but the JDK.
 */
package org.activationtck.spi;
