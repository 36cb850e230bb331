package org.parley.interfaces.webhook.slack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.parley.interfaces.webhook.Signatures;

/**
 * Slack's v0 signature: {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:" + timestamp + ":" +
 * body>} with the signing secret, where {@code X-Slack-Request-Timestamp} is at most five minutes
 * away from now (an old request replayed is refused even with a valid signature).
 */
public final class SlackSignature {

  public static final String HEADER = "X-Slack-Signature";
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private SlackSignature() {}

  public static boolean verify(
      byte[] body, String timestamp, String signature, String signingSecret, Instant now) {
    if (timestamp == null
        || signature == null
        || signingSecret == null
        || signingSecret.isEmpty()) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) {
      return false;
    }
    String expected =
        "v0="
            + Signatures.hmacSha256Hex(
                signingSecret,
                ("v0:" + timestamp.strip() + ":").getBytes(StandardCharsets.UTF_8),
                body);
    return Signatures.constantTimeEquals(expected, signature.strip());
  }
}
