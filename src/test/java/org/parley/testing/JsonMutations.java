package org.parley.testing;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile variants of a real JSON document, for property tests of the parsers: one member or
 * element somewhere in the tree replaced by a value of another kind (null, a string, a huge or
 * fractional number, an empty or nested container), or removed; and byte-level damage (a byte
 * changed, a cut, bytes inserted).
 */
public final class JsonMutations {

  private static final JsonProvider JSON_P = JsonProvider.provider();

  /** Values that break assumptions: every kind, the edges of numbers, nesting. */
  private static final List<String> HOSTILE =
      List.of(
          "null",
          "\"\"",
          "\"x\"",
          "0",
          "-1",
          "1.5",
          "1e999999999",
          "-1e-999999999",
          "123456789012345678901234567890",
          "9223372036854775807",
          "-9223372036854775808",
          "true",
          "false",
          "[]",
          "{}",
          "[null]",
          "{\"id\":null}",
          "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
          "\"\\u0000\\ud800\"");

  private JsonMutations() {}

  /** The document with one node replaced by a hostile value, or removed. */
  public static Arbitrary<byte[]> structural(byte[] document) {
    JsonValue root = parse(document);
    int nodes = count(root);
    return Combinators.combine(
            Arbitraries.integers().between(0, nodes - 1),
            Arbitraries.integers().between(-1, HOSTILE.size() - 1))
        .as(
            (node, value) -> {
              JsonValue replacement = value < 0 ? null : parse(bytes(HOSTILE.get(value)));
              return bytes(replace(root, new int[] {node}, replacement).toString());
            });
  }

  /** The document's bytes changed, cut or extended at random places. */
  public static Arbitrary<byte[]> bytewise(byte[] document) {
    Arbitrary<byte[]> changed =
        Combinators.combine(
                Arbitraries.integers().between(0, document.length - 1), Arbitraries.bytes())
            .as(
                (at, b) -> {
                  byte[] copy = document.clone();
                  copy[at] = b;
                  return copy;
                });
    Arbitrary<byte[]> cut =
        Arbitraries.integers()
            .between(0, document.length - 1)
            .map(length -> java.util.Arrays.copyOf(document, length));
    Arbitrary<byte[]> inserted =
        Combinators.combine(
                Arbitraries.integers().between(0, document.length),
                Arbitraries.of(HOSTILE).map(JsonMutations::bytes))
            .as(
                (at, extra) -> {
                  byte[] out = new byte[document.length + extra.length];
                  System.arraycopy(document, 0, out, 0, at);
                  System.arraycopy(extra, 0, out, at, extra.length);
                  System.arraycopy(document, at, out, at + extra.length, document.length - at);
                  return out;
                });
    return Arbitraries.oneOf(changed, cut, inserted);
  }

  /** Brackets nested {@code depth} deep around a value. */
  public static byte[] nested(int depth) {
    return bytes("[".repeat(depth) + "1" + "]".repeat(depth));
  }

  private static JsonValue parse(byte[] bytes) {
    try (var reader =
        JSON_P.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      return reader.readValue();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int count(JsonValue value) {
    int n = 1;
    if (value instanceof JsonObject object) {
      for (JsonValue member : object.values()) {
        n += count(member);
      }
    } else if (value instanceof JsonArray array) {
      for (JsonValue element : array) {
        n += count(element);
      }
    }
    return n;
  }

  /**
   * A copy of {@code value} whose node number {@code target[0]} (depth first, the root is 0) is
   * {@code replacement}, or removed when that is null (the root itself becomes JSON null).
   */
  private static JsonValue replace(JsonValue value, int[] target, JsonValue replacement) {
    if (target[0]-- == 0) {
      return replacement == null ? JsonValue.NULL : replacement;
    }
    if (value instanceof JsonObject object) {
      JsonObjectBuilder copy = JSON_P.createObjectBuilder();
      for (Map.Entry<String, JsonValue> member : object.entrySet()) {
        boolean hit = target[0] == 0;
        JsonValue changed = replace(member.getValue(), target, replacement);
        if (!(hit && replacement == null)) {
          copy.add(member.getKey(), changed);
        }
      }
      return copy.build();
    }
    if (value instanceof JsonArray array) {
      JsonArrayBuilder copy = JSON_P.createArrayBuilder();
      List<JsonValue> elements = new ArrayList<>(array);
      for (JsonValue element : elements) {
        boolean hit = target[0] == 0;
        JsonValue changed = replace(element, target, replacement);
        if (!(hit && replacement == null)) {
          copy.add(changed);
        }
      }
      return copy.build();
    }
    return value;
  }
}
