package org.parley.interfaces.webhook.messenger;

import org.parley.interfaces.webhook.Signatures;

/** {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>}. */
public final class MessengerSignature {

  public static final String HEADER = "X-Hub-Signature-256";

  private MessengerSignature() {}

  public static boolean verify(byte[] body, String header, String appSecret) {
    if (header == null || appSecret == null || appSecret.isEmpty()) {
      return false;
    }
    return Signatures.constantTimeEquals(
        "sha256=" + Signatures.hmacSha256Hex(appSecret, body), header.strip());
  }
}
