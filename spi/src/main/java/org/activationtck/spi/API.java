package org.activationtck.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how stable a public type or member is, in the manner of JUnit's {@code @API}.
 * Types without it, and every type in an {@code internal} package, may change without notice.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
@API(status = API.Status.STABLE, since = "0.1")
public @interface API {

  /** The stability promise. */
  Status status();

  /** The version in which the status took effect. */
  String since();

  /** Stability levels, from least to most stable. */
  enum Status { INTERNAL, EXPERIMENTAL, MAINTAINED, STABLE }
}
