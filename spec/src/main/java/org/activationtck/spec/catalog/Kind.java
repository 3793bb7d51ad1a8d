package org.activationtck.spec.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.activationtck.spi.API;

/** Whether a function maps each element on its own or a whole vector along an axis. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Kind {
  @JsonProperty("elementwise") ELEMENTWISE,
  @JsonProperty("axis") AXIS
}
