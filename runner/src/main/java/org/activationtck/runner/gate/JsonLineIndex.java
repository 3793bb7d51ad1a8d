package org.activationtck.runner.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each value of a JSON document starts, by JSON pointer ({@code /deviations/3/dialect}),
 * so that a message about a field can name its line. The document must already have parsed.
 */
final class JsonLineIndex {

  private final Map<String, Integer> lines = new HashMap<>();

  JsonLineIndex(String json) throws IOException {
    Deque<String> path = new ArrayDeque<>();
    Deque<Integer> nextIndex = new ArrayDeque<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      String field = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          field = p.currentName();
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          path.pop();
          nextIndex.pop();
          continue;
        }
        String parent = path.isEmpty() ? "" : path.peek();
        String here;
        if (nextIndex.isEmpty()) {
          here = "";
        } else if (nextIndex.peek() >= 0) {
          int i = nextIndex.pop();
          nextIndex.push(i + 1);
          here = parent + "/" + i;
        } else {
          here = parent + "/" + field;
        }
        lines.put(here, p.currentTokenLocation().getLineNr());
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          path.push(here);
          nextIndex.push(t == JsonToken.START_ARRAY ? 0 : -1);
        }
      }
    }
  }

  /** The line of the value at the pointer, else of its nearest ancestor; 1 for the document. */
  int line(String pointer) {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      Integer n = lines.get(p);
      if (n != null) {
        return n;
      }
      if (p.isEmpty()) {
        return 1;
      }
    }
  }
}
