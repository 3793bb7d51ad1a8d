/** The TCK adapter for Encog ({@link org.activationtck.adapters.encog.EncogActivation}). */
package org.activationtck.adapters.encog;
