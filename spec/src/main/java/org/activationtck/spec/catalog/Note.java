package org.activationtck.spec.catalog;

import org.activationtck.spi.API;

/**
 * A recorded disagreement or subtlety: documentation versus implementation, or one framework
 * versus another.
 *
 * @param rule the rule id the note bears on, may be {@code null}
 * @param text what differs and which behaviour the catalog takes as normative
 * @param source where it was seen: framework, API, version or URL
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Note(String rule, String text, String source) {}
