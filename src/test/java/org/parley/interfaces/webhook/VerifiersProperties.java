package org.parley.interfaces.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.parley.interfaces.webhook.messenger.MessengerSignature;
import org.parley.interfaces.webhook.slack.SlackSignature;
import org.parley.interfaces.webhook.telegram.TelegramSecretToken;

/**
 * The signature and token checks on arbitrary headers and bodies: each answers true or false and
 * never throws, and only what was signed with the secret verifies.
 */
class VerifiersProperties {

  private static final String SECRET = "a-signing-secret";

  @Property(tries = 1000)
  void messengerRefusesAnyHeaderButTheRightOne(@ForAll byte[] body, @ForAll String header) {
    String right = "sha256=" + Signatures.hmacSha256Hex(SECRET, body);
    assertFalse(!header.equals(right) && MessengerSignature.verify(body, header, SECRET));
    assertTrue(MessengerSignature.verify(body, right, SECRET));
  }

  @Property(tries = 1000)
  void messengerNeverVerifiesAChangedBody(@ForAll byte[] body, @ForAll byte extra) {
    String signed = "sha256=" + Signatures.hmacSha256Hex(SECRET, body);
    byte[] longer = java.util.Arrays.copyOf(body, body.length + 1);
    longer[body.length] = extra;
    assertFalse(MessengerSignature.verify(longer, signed, SECRET));
  }

  @Property(tries = 1000)
  void slackAnswersAnyTimestampAndSignatureWithoutThrowing(
      @ForAll byte[] body, @ForAll String timestamp, @ForAll String signature, @ForAll long now) {
    Instant at = Instant.ofEpochSecond(Math.floorMod(now, 4_000_000_000L));
    assertFalse(SlackSignature.verify(body, timestamp, signature, SECRET, at));
  }

  @Property(tries = 1000)
  void slackVerifiesOnlyWhatWasSignedWithinFiveMinutes(
      @ForAll byte[] body, @ForAll long sentAt, @ForAll int skewSeconds) {
    long sent = Math.floorMod(sentAt, 4_000_000_000L);
    long skew = Math.floorMod(skewSeconds, 1200) - 600;
    String timestamp = String.valueOf(sent);
    String signature =
        "v0=" + Signatures.hmacSha256Hex(SECRET, ("v0:" + timestamp + ":").getBytes(), body);
    boolean verified =
        SlackSignature.verify(
            body, timestamp, signature, SECRET, Instant.ofEpochSecond(sent + skew));
    assertTrue(verified == (Math.abs(skew) <= 300), "skew " + skew);
  }

  @Property(tries = 1000)
  void telegramAcceptsExactlyTheConfiguredToken(
      @ForAll @StringLength(max = 300) String header, @ForAll String expected) {
    boolean verified = TelegramSecretToken.verify(header, expected);
    assertTrue(verified == (!expected.isEmpty() && header.equals(expected)));
  }
}
