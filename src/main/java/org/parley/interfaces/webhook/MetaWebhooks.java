package org.parley.interfaces.webhook;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.parley.interfaces.rest.RequestBodyException;
import org.parley.interfaces.webhook.messenger.MessengerSignature;

/**
 * What Meta's webhooks share, for Messenger and WhatsApp alike: the subscription handshake ({@code
 * hub.mode}, {@code hub.verify_token}, {@code hub.challenge}) and the signed body ({@code
 * X-Hub-Signature-256} over the raw bytes, with the app's secret).
 */
public final class MetaWebhooks {

  private MetaWebhooks() {}

  /**
   * Echoes {@code challenge} if the mode is {@code subscribe} and the token is ours.
   *
   * @throws RequestBodyException 403 for a wrong mode or token (or none configured), 400 for no
   *     challenge
   */
  public static Response handshake(
      String channel,
      Optional<String> verifyToken,
      String verifyTokenKey,
      String mode,
      String token,
      String challenge) {
    String expected =
        verifyToken.orElseThrow(() -> WebhookIntake.notConfigured(channel, verifyTokenKey));
    if (!"subscribe".equals(mode)) {
      throw new RequestBodyException(
          Response.Status.FORBIDDEN, "invalid-input", "hub.mode", "hub.mode must be subscribe");
    }
    if (token == null || !Signatures.constantTimeEquals(expected, token)) {
      throw WebhookIntake.wrong("hub.verify_token");
    }
    if (challenge == null || challenge.isEmpty()) {
      throw new RequestBodyException(
          Response.Status.BAD_REQUEST,
          "invalid-input",
          "hub.challenge",
          "hub.challenge is missing");
    }
    return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
  }

  /**
   * The body, once its signature is checked.
   *
   * @throws RequestBodyException 401 without a signature, 403 for a wrong one (or no secret)
   */
  public static byte[] verified(
      String channel,
      Optional<String> appSecret,
      String appSecretKey,
      String signature,
      InputStream body) {
    String secret = appSecret.orElseThrow(() -> WebhookIntake.notConfigured(channel, appSecretKey));
    byte[] bytes = WebhookIntake.read(body);
    if (signature == null || signature.isBlank()) {
      throw WebhookIntake.missing(MessengerSignature.HEADER);
    }
    if (!MessengerSignature.verify(bytes, signature, secret)) {
      throw WebhookIntake.wrong(MessengerSignature.HEADER);
    }
    return bytes;
  }
}
