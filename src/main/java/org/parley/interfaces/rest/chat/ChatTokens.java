package org.parley.interfaces.rest.chat;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.interfaces.webhook.Signatures;

/**
 * Web chat session tokens: {@code <userId>.<expiry in epoch seconds>.<HMAC-SHA256 of both,
 * base64url>}, signed with {@code parley.webchat.token-secret}. Stateless: any node with the key
 * checks them, and nothing is stored per session.
 */
@ApplicationScoped
public class ChatTokens {

  private static final Logger LOG = Logger.getLogger(ChatTokens.class.getName());
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  @Inject
  @ConfigProperty(name = ConfigKeys.WEBCHAT_TOKEN_SECRET)
  Optional<String> configuredSecret;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.WEBCHAT_TOKEN_TTL,
      defaultValue = ConfigKeys.WEBCHAT_TOKEN_TTL_DEFAULT)
  Duration ttl;

  Clock clock = Clock.systemUTC();
  private byte[] key;

  @PostConstruct
  void init() {
    if (configuredSecret.isPresent() && configuredSecret.get().length() >= 32) {
      key = configuredSecret.get().getBytes(StandardCharsets.UTF_8);
      return;
    }
    if (configuredSecret.isPresent()) {
      throw new IllegalStateException(
          ConfigKeys.WEBCHAT_TOKEN_SECRET + " must be at least 32 characters long");
    }
    key = new byte[32];
    new SecureRandom().nextBytes(key);
    LOG.warning(
        ConfigKeys.WEBCHAT_TOKEN_SECRET
            + " is not set: web chat sessions are signed with a random key and end when Parley"
            + " restarts (set it, the same on every node, in production)");
  }

  /** A new user and their token. */
  public Session open() {
    String userId = UUID.randomUUID().toString();
    Instant expires = clock.instant().plus(ttl);
    String payload = userId + "." + expires.getEpochSecond();
    return new Session(userId, payload + "." + sign(payload), expires);
  }

  /** The user a valid, unexpired token names. */
  public Optional<String> userOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    int last = token.lastIndexOf('.');
    int first = token.indexOf('.');
    if (first < 1 || last <= first) {
      return Optional.empty();
    }
    String payload = token.substring(0, last);
    if (!Signatures.constantTimeEquals(sign(payload), token.substring(last + 1))) {
      return Optional.empty();
    }
    long expires;
    try {
      expires = Long.parseLong(token.substring(first + 1, last));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (clock.instant().getEpochSecond() >= expires) {
      return Optional.empty();
    }
    return Optional.of(token.substring(0, first));
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  /** A session: the user id, the bearer token, and when it expires. */
  public record Session(String userId, String token, Instant expiresAt) {}
}
