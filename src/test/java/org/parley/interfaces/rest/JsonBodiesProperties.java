package org.parley.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.parley.testing.JsonMutations;

/**
 * The DataAPI's and the web chat's body reader on arbitrary bytes and hostile variants of real
 * bodies: a value, or {@link RequestBodyException} (a 4xx problem), nothing else.
 */
class JsonBodiesProperties {

  private static final byte[] CHAT =
      "{\"text\":\"Where is my parcel?\",\"clientMessageId\":\"m-1\",\"payload\":null}"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] DATA =
      "{\"text\":\"Where is my parcel?\",\"language\":\"EN\"}".getBytes(StandardCharsets.UTF_8);

  @Property(tries = 500)
  void arbitraryBytes(@ForAll byte[] body) {
    readsOrRefuses(body);
  }

  @Property(tries = 1500)
  void mutatedBodies(@ForAll("bodies") byte[] body) {
    readsOrRefuses(body);
  }

  @Property(tries = 20)
  void nestingBeyondTheLimitIsRefusedNamingIt(@ForAll("deep") byte[] body) {
    RequestBodyException refused =
        assertThrows(
            RequestBodyException.class,
            () -> JsonBodies.readObject(new ByteArrayInputStream(body)));
    assertEquals("https://parley.org/problems/json-too-deep", refused.problem().type().toString());
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.oneOf(
        JsonMutations.structural(CHAT),
        JsonMutations.bytewise(CHAT),
        JsonMutations.structural(DATA),
        JsonMutations.bytewise(DATA));
  }

  @Provide
  Arbitrary<byte[]> deep() {
    return Arbitraries.integers()
        .between(JsonLimits.MAX_DEPTH + 1, 30_000) // 60 KB at most: larger is refused as too large
        .map(JsonMutations::nested);
  }

  private static void readsOrRefuses(byte[] body) {
    try {
      var json = JsonBodies.readObject(new ByteArrayInputStream(body));
      JsonBodies.optionalString(json, "text");
      JsonBodies.optionalString(json, "clientMessageId");
      Statistics.collect("read");
    } catch (RequestBodyException refused) {
      Statistics.collect(refused.problem().type().getPath());
    }
  }
}
