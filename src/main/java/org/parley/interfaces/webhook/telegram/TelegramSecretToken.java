package org.parley.interfaces.webhook.telegram;

import org.parley.interfaces.webhook.Signatures;

/**
 * Telegram signs nothing; it sends back the secret token given to {@code setWebhook} in {@code
 * X-Telegram-Bot-Api-Secret-Token}, which must match, compared in constant time.
 */
public final class TelegramSecretToken {

  public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private TelegramSecretToken() {}

  public static boolean verify(String header, String expected) {
    return expected != null
        && !expected.isEmpty()
        && Signatures.constantTimeEquals(expected, header);
  }
}
