package org.parley.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.parley.interfaces.webhook.Signatures;

/**
 * What the platforms send, signed the way they sign it with the secrets the ITs' server is
 * configured with (arquillian.xml).
 */
final class Webhooks {

  static final String MESSENGER_APP_SECRET = "it-messenger-app-secret";
  static final String MESSENGER_VERIFY_TOKEN = "it-messenger-verify-token";
  static final String WHATSAPP_APP_SECRET = "it-whatsapp-app-secret";
  static final String WHATSAPP_VERIFY_TOKEN = "it-whatsapp-verify-token";
  static final String SLACK_SIGNING_SECRET = "it-slack-signing-secret";
  static final String TELEGRAM_SECRET = "it-telegram-secret-token";

  private Webhooks() {}

  static HttpResponse<String> telegram(JsonObject update) {
    return telegram(update.toString(), TELEGRAM_SECRET);
  }

  static HttpResponse<String> telegram(String body, String secretToken) {
    HttpRequest.Builder request = post("/webhooks/telegram", body);
    if (secretToken != null) {
      request.header("X-Telegram-Bot-Api-Secret-Token", secretToken);
    }
    return Http.send(request.build());
  }

  /** A Telegram text message from user {@code user} in their private chat (chat id = user id). */
  static JsonObject telegramText(long user, long messageId, String text) {
    return Json.createObjectBuilder()
        .add("update_id", 100_000_000L + messageId)
        .add(
            "message",
            Json.createObjectBuilder()
                .add("message_id", messageId)
                .add(
                    "from",
                    Json.createObjectBuilder()
                        .add("id", user)
                        .add("is_bot", false)
                        .add("first_name", "Test")
                        .add("language_code", "en"))
                .add("chat", Json.createObjectBuilder().add("id", user).add("type", "private"))
                .add("date", Instant.now().getEpochSecond())
                .add("text", text))
        .build();
  }

  /** A tap on an inline keyboard button of the bot's message {@code botMessageId}. */
  static JsonObject telegramCallback(long user, String callbackId, long botMessageId, String data) {
    return Json.createObjectBuilder()
        .add("update_id", 200_000_000L + Math.abs(callbackId.hashCode() % 1_000_000))
        .add(
            "callback_query",
            Json.createObjectBuilder()
                .add("id", callbackId)
                .add(
                    "from",
                    Json.createObjectBuilder()
                        .add("id", user)
                        .add("is_bot", false)
                        .add("first_name", "Test")
                        .add("language_code", "en"))
                .add(
                    "message",
                    Json.createObjectBuilder()
                        .add("message_id", botMessageId)
                        .add(
                            "chat",
                            Json.createObjectBuilder().add("id", user).add("type", "private"))
                        .add("date", Instant.now().getEpochSecond())
                        .add("text", "May I keep our conversation?"))
                .add("chat_instance", "it")
                .add("data", data))
        .build();
  }

  static HttpResponse<String> messenger(byte[] body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(TestEnvironment.http("/webhooks/messenger"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    return Http.send(request.build());
  }

  static HttpResponse<String> whatsapp(byte[] body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(TestEnvironment.http("/webhooks/whatsapp"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    return Http.send(request.build());
  }

  static String whatsappSignature(byte[] body) {
    return "sha256=" + Signatures.hmacSha256Hex(WHATSAPP_APP_SECRET, body);
  }

  static String messengerSignature(byte[] body) {
    return "sha256=" + Signatures.hmacSha256Hex(MESSENGER_APP_SECRET, body);
  }

  static HttpResponse<String> slack(
      byte[] body, String timestamp, String signature, String retryNum) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(TestEnvironment.http("/webhooks/slack"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (timestamp != null) {
      request.header("X-Slack-Request-Timestamp", timestamp);
    }
    if (signature != null) {
      request.header("X-Slack-Signature", signature);
    }
    if (retryNum != null) {
      request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
    }
    return Http.send(request.build());
  }

  static String slackSignature(byte[] body, String timestamp) {
    return "v0="
        + Signatures.hmacSha256Hex(
            SLACK_SIGNING_SECRET, ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
  }

  static HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(TestEnvironment.http(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  static URI uri(String path) {
    return TestEnvironment.http(path);
  }
}
