/** The TCK adapter for Smile ({@link org.activationtck.adapters.smile.SmileActivation}). */
package org.activationtck.adapters.smile;
