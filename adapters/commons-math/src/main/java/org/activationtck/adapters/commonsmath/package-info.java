/** The TCK adapter for Apache Commons Math 3 ({@link org.activationtck.adapters.commonsmath.CommonsMathActivation}). */
package org.activationtck.adapters.commonsmath;
