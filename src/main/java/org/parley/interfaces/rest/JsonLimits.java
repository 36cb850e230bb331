package org.parley.interfaces.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How deep a JSON body may nest before Parley parses it. Nothing Parley reads nests deeper than 8
 * levels (a Messenger callback: root, entry, messaging, message, attachments, payload); the JSON-P
 * provider's own limit (1,000 in Parsson 1.1) is thrown as a bare {@code RuntimeException} after
 * the recursion has been paid for. One pass over the bytes, counting brackets outside strings,
 * refuses deeper input before any parser sees it.
 */
public final class JsonLimits {

  /** The deepest nesting accepted. */
  public static final int MAX_DEPTH = 32;

  private JsonLimits() {}

  /** Made once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonReaderFactory READERS =
      JsonProvider.provider().createReaderFactory(Map.of());

  /** Thrown for bytes that are not JSON Parley reads; {@link #tooDeep()} says which limit. */
  public static final class UnreadableJsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean tooDeep;

    UnreadableJsonException(String message, boolean tooDeep, Throwable cause) {
      super(message, cause);
      this.tooDeep = tooDeep;
    }

    public boolean tooDeep() {
      return tooDeep;
    }
  }

  /**
   * The bytes as JSON (UTF-8, as RFC 8259 has it), nested at most {@link #MAX_DEPTH} levels: what
   * the REST bodies and the platforms' payloads are read with.
   */
  public static JsonValue parse(byte[] json) {
    checkDepth(json);
    try (JsonReader reader =
        READERS.createReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
      return reader.readValue();
    } catch (JsonException | IllegalStateException | NumberFormatException e) {
      // NumberFormatException: a number the provider cannot hold (1e99999999999999999999)
      throw new UnreadableJsonException("The body is not valid JSON", false, e);
    }
  }

  /**
   * Refuses bytes whose arrays and objects nest deeper than {@link #MAX_DEPTH}. Malformed input
   * passes: the parser refuses it with its own reason.
   */
  static void checkDepth(byte[] json) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    for (byte b : json) {
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '[' || b == '{') {
        if (++depth > MAX_DEPTH) {
          throw new UnreadableJsonException(
              "The JSON nests deeper than " + MAX_DEPTH + " levels", true, null);
        }
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
  }
}
