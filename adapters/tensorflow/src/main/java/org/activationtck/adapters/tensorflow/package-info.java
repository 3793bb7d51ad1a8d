/**
 * The catalog's tf_keras2 and keras3 dialects on TensorFlow's own CPU kernels and gradient kernels,
 * run eagerly through TensorFlow Java: {@link
 * org.activationtck.adapters.tensorflow.TensorFlowActivation}.
 */
package org.activationtck.adapters.tensorflow;
