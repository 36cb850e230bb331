package org.parley.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Local stand-ins for the platforms' send APIs, on one port: the Graph API's {@code
 * /graph/me/messages} (page token as bearer), Slack's {@code /slack/chat.postMessage} (bot token as
 * bearer, Slack's {@code ok}/{@code error} answers), Telegram's {@code
 * /telegram/bot<token>/sendMessage|sendPhoto}, WhatsApp's {@code
 * /whatsapp/<phone-number-id>/messages} (access token as bearer; {@code wamid.it-<id>} for each
 * message, Meta's 131047 for a user whose window {@link #closeWindow closed}). Each checks the
 * credential the way the platform does, records every accepted call, and can be told to be down
 * (503) for a while.
 */
public final class FakePlatforms {

  public static final String PAGE_TOKEN = "it-page-token";
  public static final String SLACK_BOT_TOKEN = "xoxb-it-bot-token";
  public static final String TELEGRAM_BOT_TOKEN = "4711:it-telegram-bot-token";
  public static final String WHATSAPP_ACCESS_TOKEN = "it-whatsapp-access-token";
  public static final String TEAMS_APP_ID = "00000000-0000-0000-0000-00000000b0f1";
  public static final String TEAMS_APP_PASSWORD = "it-teams-app-password";
  private static final AtomicLong TEAMS_TOKENS = new AtomicLong();
  private static final Set<String> TEAMS_ISSUED = ConcurrentHashMap.newKeySet();

  /**
   * One call a platform accepted: which platform, which method, the JSON body, when, and the id the
   * platform gave the message it created.
   */
  public record Call(String platform, String method, JsonObject body, Instant at, long id) {}

  private static HttpServer server;
  private static final List<Call> CALLS = new ArrayList<>();
  private static final AtomicLong IDS = new AtomicLong(1000);
  private static volatile Instant downUntil = Instant.MIN;
  private static final Set<String> BLOCKED_CHATS = ConcurrentHashMap.newKeySet();
  private static final AtomicLong REFUSED_WHILE_DOWN = new AtomicLong();
  private static final Set<String> WINDOW_CLOSED = ConcurrentHashMap.newKeySet();

  private FakePlatforms() {}

  static synchronized void start(int port) throws IOException {
    server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 200);
    server.createContext("/", FakePlatforms::handle);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
  }

  static synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /**
   * Telegram answers 403 "bot was blocked by the user" for sends to the chat until {@link
   * #unblock}: a refusal no retry can fix.
   */
  public static void block(String chatId) {
    BLOCKED_CHATS.add(chatId);
  }

  public static void unblock(String chatId) {
    BLOCKED_CHATS.remove(chatId);
  }

  /**
   * The next {@code times} sends to the Telegram chat, Slack channel or Messenger PSID are answered
   * 429 as that platform does: Telegram with {@code parameters.retry_after} in its body, Slack and
   * the Graph API with a {@code Retry-After} header; each refusal is kept with its time ({@link
   * #throttled}).
   */
  public static void throttle(String chat, int times, int retryAfterSeconds) {
    THROTTLED.put(chat, new int[] {times, retryAfterSeconds});
  }

  /** When each send refused with 429 arrived, for the chat or channel. */
  public static synchronized List<Instant> throttled(String chat) {
    return THROTTLED_AT.stream().filter(t -> t.chat().equals(chat)).map(Refusal::at).toList();
  }

  private record Refusal(String chat, Instant at) {}

  private static final java.util.Map<String, int[]> THROTTLED = new ConcurrentHashMap<>();
  private static final List<Refusal> THROTTLED_AT = new ArrayList<>();

  /** Answers 429 if the chat is to be throttled now; true when it did. */
  private static boolean throttled(HttpExchange exchange, String platform, String chat)
      throws IOException {
    int[] left = chat == null ? null : THROTTLED.get(chat);
    if (left == null || left[0] <= 0) {
      return false;
    }
    left[0]--;
    synchronized (FakePlatforms.class) {
      THROTTLED_AT.add(new Refusal(chat, Instant.now()));
    }
    if (platform.equals("telegram")) {
      LocalHttpServer.respond(
          exchange,
          429,
          "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
              + left[1]
              + "\",\"parameters\":{\"retry_after\":"
              + left[1]
              + "}}");
    } else {
      exchange.getResponseHeaders().add("Retry-After", String.valueOf(left[1]));
      LocalHttpServer.respond(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
    }
    return true;
  }

  /** Every platform answers 503 for the next {@code duration}. */
  public static void downFor(Duration duration) {
    downUntil = Instant.now().plus(duration);
  }

  public static long refusedWhileDown() {
    return REFUSED_WHILE_DOWN.get();
  }

  /** How many client-credentials tokens the Bot Framework's stand-in has issued. */
  public static long teamsTokensIssued() {
    return TEAMS_TOKENS.get();
  }

  /**
   * The Bot Framework's OpenID metadata and keys (the shared fixtures, pointed at this server) and
   * its token endpoint (client credentials of the test app): true when it answered.
   */
  private static boolean botFramework(HttpExchange exchange, String path, String body)
      throws IOException {
    if (path.equals("/botframework/openid")) {
      LocalHttpServer.respond(
          exchange,
          200,
          new String(
                  org.parley.interfaces.webhook.WebhookFixtures.bytes(
                      "botframework-openid-configuration.json"),
                  StandardCharsets.UTF_8)
              .replace("{PORT}", String.valueOf(server.getAddress().getPort())));
      return true;
    }
    if (path.equals("/keys")) {
      LocalHttpServer.respond(
          exchange,
          200,
          new String(
              org.parley.interfaces.webhook.WebhookFixtures.bytes("botframework-jwks.json"),
              StandardCharsets.UTF_8));
      return true;
    }
    if (path.equals("/botframework/token")) {
      boolean ours =
          body.contains("grant_type=client_credentials")
              && body.contains("client_id=" + TEAMS_APP_ID)
              && body.contains("client_secret=" + TEAMS_APP_PASSWORD)
              && body.contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default");
      if (!ours) {
        LocalHttpServer.respond(exchange, 401, "{\"error\":\"invalid_client\"}");
        return true;
      }
      String token = "it-teams-token-" + TEAMS_TOKENS.incrementAndGet();
      TEAMS_ISSUED.add(token);
      LocalHttpServer.respond(
          exchange,
          200,
          "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + token + "\"}");
      return true;
    }
    return false;
  }

  /** WhatsApp refuses replies to this user from now on (131047: the 24-hour window closed). */
  public static void closeWindow(String waId) {
    WINDOW_CLOSED.add(waId);
  }

  /** The accepted calls that match, in the order they arrived. */
  public static synchronized List<Call> calls(Predicate<Call> filter) {
    return CALLS.stream().filter(filter).toList();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (botFramework(exchange, path, body)) {
      return;
    }
    if (Instant.now().isBefore(downUntil)) {
      REFUSED_WHILE_DOWN.incrementAndGet();
      LocalHttpServer.respond(exchange, 503, "{\"error\":\"down for maintenance\"}");
      return;
    }
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      json = reader.readObject();
    } catch (RuntimeException e) {
      LocalHttpServer.respond(exchange, 400, "{\"error\":\"not JSON\"}");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    long id = IDS.incrementAndGet();
    if (path.equals("/graph/me/messages")) {
      if (!("Bearer " + PAGE_TOKEN).equals(authorization)) {
        LocalHttpServer.respond(
            exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token\"}}");
        return;
      }
      JsonObject recipient = json.getJsonObject("recipient");
      if (throttled(
          exchange, "messenger", recipient == null ? null : recipient.getString("id", null))) {
        return;
      }
      record("messenger", "send", json, id);
      LocalHttpServer.respond(
          exchange,
          200,
          Json.createObjectBuilder()
              .add("recipient_id", json.getJsonObject("recipient").getString("id"))
              .add("message_id", "m_" + id)
              .build()
              .toString());
    } else if (path.equals("/slack/chat.postMessage")) {
      if (!("Bearer " + SLACK_BOT_TOKEN).equals(authorization)) {
        LocalHttpServer.respond(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
        return;
      }
      if (throttled(exchange, "slack", json.getString("channel", null))) {
        return;
      }
      record("slack", "chat.postMessage", json, id);
      LocalHttpServer.respond(exchange, 200, "{\"ok\":true,\"ts\":\"1700000000." + id + "\"}");
    } else if (path.startsWith("/telegram/bot" + TELEGRAM_BOT_TOKEN + "/")) {
      String method = path.substring(path.lastIndexOf('/') + 1);
      if (json.containsKey("chat_id")
          && BLOCKED_CHATS.contains(json.get("chat_id").toString().replace("\"", ""))) {
        LocalHttpServer.respond(
            exchange,
            403,
            "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
        return;
      }
      if (throttled(
          exchange,
          "telegram",
          json.containsKey("chat_id") ? json.get("chat_id").toString() : null)) {
        return;
      }
      record("telegram", method, json, id);
      LocalHttpServer.respond(
          exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + id + "}}");
    } else if (path.startsWith("/teams/v3/conversations/")) {
      String bearer = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
      if (!TEAMS_ISSUED.contains(bearer)) {
        LocalHttpServer.respond(exchange, 401, "{\"message\":\"Authorization has been denied\"}");
        return;
      }
      // the method is the conversation and the activity replied to
      record("teams", path.substring("/teams/v3/conversations/".length()), json, id);
      LocalHttpServer.respond(exchange, 200, "{\"id\":\"teams-" + id + "\"}");
    } else if (path.startsWith("/whatsapp/") && path.endsWith("/messages")) {
      if (!("Bearer " + WHATSAPP_ACCESS_TOKEN).equals(authorization)) {
        LocalHttpServer.respond(
            exchange,
            401,
            "{\"error\":{\"message\":\"Invalid OAuth access token\",\"type\":\"OAuthException\",\"code\":190}}");
        return;
      }
      String to = json.getString("to", null);
      if (to != null && WINDOW_CLOSED.contains(to)) {
        LocalHttpServer.respond(
            exchange,
            400,
            "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send because more than 24 hours have passed since the customer last replied to this number.\"}}}");
        return;
      }
      if (throttled(exchange, "whatsapp", to)) {
        return;
      }
      // the method is the business number the reply was sent from
      String phoneNumberId =
          path.substring("/whatsapp/".length(), path.length() - "/messages".length());
      record("whatsapp", phoneNumberId, json, id);
      LocalHttpServer.respond(
          exchange,
          200,
          "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
              + to
              + "\",\"wa_id\":\""
              + to
              + "\"}],\"messages\":[{\"id\":\"wamid.it-"
              + id
              + "\"}]}");
    } else if (path.startsWith("/telegram/")) {
      LocalHttpServer.respond(
          exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    } else {
      LocalHttpServer.respond(exchange, 404, "{\"error\":\"no such method\"}");
    }
  }

  private static synchronized void record(
      String platform, String method, JsonObject body, long id) {
    CALLS.add(new Call(platform, method, body, Instant.now(), id));
  }
}
