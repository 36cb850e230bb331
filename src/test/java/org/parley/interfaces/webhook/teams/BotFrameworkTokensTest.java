package org.parley.interfaces.webhook.teams;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.interfaces.webhook.WebhookFixtures;

/** The shared Bot Framework tokens, each accepted or refused as its fixture says, and why. */
class BotFrameworkTokensTest {

  private static final String APP_ID = "00000000-0000-0000-0000-00000000b0f1";
  private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";
  private static final String METADATA = "https://login.example/openidconfiguration";

  private final List<String> fetched = new ArrayList<>();

  private BotFrameworkTokens tokens(Instant now) {
    return new BotFrameworkTokens(
        METADATA,
        APP_ID,
        url -> {
          fetched.add(url);
          return url.equals(METADATA)
              ? fixture("botframework-openid-configuration.json").replace("{PORT}", "4711")
              : fixture("botframework-jwks.json");
        },
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String fixture(String name) {
    return new String(WebhookFixtures.bytes(name), StandardCharsets.UTF_8);
  }

  private static Map<String, JsonObject> vectors() {
    try (var reader = Json.createReader(new StringReader(fixture("botframework-tokens.json")))) {
      JsonObject all = reader.readObject();
      return Map.copyOf(
          all.keySet().stream()
              .collect(java.util.stream.Collectors.toMap(k -> k, all::getJsonObject)));
    }
  }

  @Test
  void eachFixtureTokenIsAcceptedOrRefusedAsItsReasonSays() {
    BotFrameworkTokens tokens = tokens(Instant.parse("2026-01-15T10:00:00Z"));
    Map<String, JsonObject> vectors = vectors();
    assertEquals(9, vectors.size());
    vectors.forEach(
        (name, vector) -> {
          String token = vector.getString("token");
          if (vector.getString("expect").equals("accept")) {
            assertDoesNotThrow(() -> tokens.verify(token, SERVICE_URL, "msteams"), name);
          } else {
            BotFrameworkTokens.Refused refused =
                assertThrows(
                    BotFrameworkTokens.Refused.class,
                    () -> tokens.verify(token, SERVICE_URL, "msteams"),
                    name);
            assertFalse(refused.getMessage().contains(token), "never the token itself");
          }
        });
    assertEquals(
        List.of(METADATA, "http://127.0.0.1:4711/keys", METADATA, "http://127.0.0.1:4711/keys"),
        fetched,
        "the keys once, and once more for the unknown kid, not for every token");
  }

  @Test
  void theReasonNamesWhatIsWrong() {
    BotFrameworkTokens tokens = tokens(Instant.parse("2026-01-15T10:00:00Z"));
    Map<String, JsonObject> v = vectors();
    assertEquals("has expired", reason(tokens, v.get("expired")));
    assertEquals("audience is not this bot's app id", reason(tokens, v.get("wrong-audience")));
    assertEquals(
        "issuer is not https://api.botframework.com", reason(tokens, v.get("wrong-issuer")));
    assertEquals(
        "serviceurl claim is not the activity's serviceUrl",
        reason(tokens, v.get("wrong-service-url")));
    assertEquals("signature does not verify", reason(tokens, v.get("forged-signature")));
    assertEquals("is not valid yet", reason(tokens, v.get("not-yet-valid")));
    assertTrue(reason(tokens, v.get("unknown-kid")).contains("does not list"));
    assertTrue(
        reason(tokens, v.get("alg-none")).startsWith("not "), reason(tokens, v.get("alg-none")));
  }

  @Test
  void expiryHasFiveMinutesOfSkew() {
    String expired = vectors().get("expired").getString("token");
    assertDoesNotThrow(
        () ->
            tokens(Instant.parse("2026-01-01T01:04:59Z")).verify(expired, SERVICE_URL, "msteams"));
    assertThrows(
        BotFrameworkTokens.Refused.class,
        () ->
            tokens(Instant.parse("2026-01-01T01:05:01Z")).verify(expired, SERVICE_URL, "msteams"));
  }

  @Test
  void aKeyMustEndorseTheActivitysChannel() {
    String valid = vectors().get("valid").getString("token");
    BotFrameworkTokens tokens = tokens(Instant.parse("2026-01-15T10:00:00Z"));
    assertDoesNotThrow(() -> tokens.verify(valid, SERVICE_URL, "webchat"));
    assertThrows(
        BotFrameworkTokens.Refused.class, () -> tokens.verify(valid, SERVICE_URL, "slack"));
    assertThrows(
        BotFrameworkTokens.Refused.class, () -> tokens.verify("not.a.jwt", SERVICE_URL, "msteams"));
  }

  private static String reason(BotFrameworkTokens tokens, JsonObject vector) {
    return assertThrows(
            BotFrameworkTokens.Refused.class,
            () -> tokens.verify(vector.getString("token"), SERVICE_URL, "msteams"))
        .getMessage();
  }
}
