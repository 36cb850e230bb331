package org.parley.interfaces.edge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a raw request target is well-formed percent-encoded UTF-8: every {@code %} followed by
 * two hex digits, and the bytes they stand for valid UTF-8 ({@code %C3%28} is not). Undertow's
 * decoder replaces invalid sequences with U+FFFD instead of refusing them.
 */
final class PercentEncoding {

  private PercentEncoding() {}

  static boolean isUtf8(String target) {
    ByteBuffer bytes = ByteBuffer.allocate(target.length());
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '%') {
        if (i + 2 >= target.length()) {
          return false;
        }
        int high = Character.digit(target.charAt(i + 1), 16);
        int low = Character.digit(target.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return false;
        }
        bytes.put((byte) (high << 4 | low));
        i += 2;
      } else {
        bytes.put((byte) c); // the listener reads the request line as ISO-8859-1
      }
    }
    bytes.flip();
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
