package org.parley.interfaces.rest;

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

  /** Thrown for input nested deeper than {@link #MAX_DEPTH}. */
  public static final class TooDeepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeepException() {
      super("The JSON nests deeper than " + MAX_DEPTH + " levels");
    }
  }

  /**
   * Refuses bytes whose arrays and objects nest deeper than {@link #MAX_DEPTH}. Malformed input
   * passes: the parser refuses it with its own reason.
   */
  public static void checkDepth(byte[] json) {
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
          throw new TooDeepException();
        }
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
  }
}
