package org.parley.interfaces.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.interfaces.webhook.messenger.MessengerSignature;
import org.parley.interfaces.webhook.slack.SlackSignature;
import org.parley.interfaces.webhook.telegram.TelegramSecretToken;

/** The verifiers against the shared known-answer vectors, and what they must refuse. */
class WebhookSignaturesTest {

  @Test
  void everyKnownAnswerVectorVerifies() {
    List<JsonObject> vectors = WebhookFixtures.signatures();
    // Meta signs WhatsApp callbacks exactly as Messenger's (X-Hub-Signature-256), so one verifier
    // checks both platforms' vectors
    assertEquals(
        15, vectors.size(), "5 Messenger, 6 WhatsApp and 4 Slack vectors in the shared fixtures");
    for (JsonObject vector : vectors) {
      byte[] body = WebhookFixtures.bytes(vector.getString("file"));
      String secret = vector.getString("secret");
      String value = vector.getString("value");
      if (vector.getString("header").equals(MessengerSignature.HEADER)) {
        assertTrue(MessengerSignature.verify(body, value, secret), vector.getString("file"));
      } else {
        String timestamp = vector.getString("timestamp");
        Instant then = Instant.ofEpochSecond(Long.parseLong(timestamp)).plusSeconds(30);
        assertTrue(
            SlackSignature.verify(body, timestamp, value, secret, then), vector.getString("file"));
      }
    }
  }

  @Test
  void messengerRefusesATamperedBodyAWrongSecretAndMissingHeaders() {
    JsonObject vector = vector("messenger-text.json");
    byte[] body = WebhookFixtures.bytes("messenger-text.json");
    byte[] tampered = Arrays.copyOf(body, body.length);
    tampered[tampered.length - 3] ^= 1;
    String value = vector.getString("value");

    assertFalse(MessengerSignature.verify(tampered, value, vector.getString("secret")));
    assertFalse(MessengerSignature.verify(body, value, "another-secret"));
    assertFalse(MessengerSignature.verify(body, null, vector.getString("secret")));
    assertFalse(
        MessengerSignature.verify(
            body, value.replace("sha256=", "sha1="), vector.getString("secret")));
    assertFalse(MessengerSignature.verify(body, value, ""), "no configured secret accepts nothing");
  }

  @Test
  void slackRefusesOldOrFutureTimestampsEvenWithAValidSignature() {
    JsonObject vector = vector("slack-message-im.json");
    byte[] body = WebhookFixtures.bytes("slack-message-im.json");
    String timestamp = vector.getString("timestamp");
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    String value = vector.getString("value");
    String secret = vector.getString("secret");

    assertTrue(SlackSignature.verify(body, timestamp, value, secret, sent.plusSeconds(299)));
    assertFalse(
        SlackSignature.verify(body, timestamp, value, secret, sent.plusSeconds(301)), "replayed");
    assertFalse(
        SlackSignature.verify(body, timestamp, value, secret, sent.minusSeconds(301)), "future");
    assertFalse(
        SlackSignature.verify(body, String.valueOf(sent.getEpochSecond() + 1), value, secret, sent),
        "the timestamp is part of what is signed");
    assertFalse(SlackSignature.verify(body, "not-a-number", value, secret, sent));
    assertFalse(
        SlackSignature.verify(
            "{}".getBytes(StandardCharsets.UTF_8), timestamp, value, secret, sent));
  }

  @Test
  void telegramComparesItsSecretToken() {
    assertTrue(TelegramSecretToken.verify("s3cret-token", "s3cret-token"));
    assertFalse(TelegramSecretToken.verify("s3cret-tokeN", "s3cret-token"));
    assertFalse(TelegramSecretToken.verify(null, "s3cret-token"));
    assertFalse(TelegramSecretToken.verify("", ""), "no configured token accepts nothing");
  }

  private static JsonObject vector(String file) {
    return WebhookFixtures.signatures().stream()
        .filter(v -> v.getString("file").equals(file))
        .findFirst()
        .orElseThrow();
  }
}
