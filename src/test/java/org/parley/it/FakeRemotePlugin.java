package org.parley.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A remote plugin endpoint as a plugin author would write one: it checks the HMAC-SHA256 signature
 * with the secret it shares with Parley (refusing a bad one with 401) and answers with replies. Can
 * be told to be slow or to answer garbage. Serves /echo and /tampered (Parley is configured with a
 * wrong secret for the latter).
 */
public final class FakeRemotePlugin {

  public static final String SECRET = "it-remote-secret";

  /** A call as the endpoint saw it. */
  public record Call(String path, String body, boolean signatureValid) {}

  private static HttpServer server;
  private static final List<Call> CALLS = new ArrayList<>();
  private static volatile long delayMillis;
  private static volatile boolean garbage;

  private FakeRemotePlugin() {}

  static synchronized void start(int port) throws IOException {
    server = LocalHttpServer.start(port, FakeRemotePlugin::handle);
  }

  static synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  public static synchronized void reset() {
    CALLS.clear();
    delayMillis = 0;
    garbage = false;
  }

  public static void delay(long millis) {
    delayMillis = millis;
  }

  public static void answerGarbage() {
    garbage = true;
  }

  public static synchronized List<Call> calls() {
    return List.copyOf(CALLS);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("GET")) {
      LocalHttpServer.respond(exchange, 200, "{\"status\": \"up\"}");
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String signature = exchange.getRequestHeaders().getFirst("X-Parley-Signature");
    boolean valid = signature != null && constantTimeEquals(signature, "sha256=" + hmac(body));
    synchronized (FakeRemotePlugin.class) {
      CALLS.add(new Call(exchange.getRequestURI().getPath(), body, valid));
    }
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!valid) {
      LocalHttpServer.respond(exchange, 401, "{\"error\": \"bad signature\"}");
      return;
    }
    if (garbage) {
      LocalHttpServer.respond(exchange, 200, "<html>oops</html>");
      return;
    }
    JsonObject action;
    try (var reader = Json.createReader(new StringReader(body))) {
      action = reader.readObject();
    }
    String phrase = action.getJsonObject("attributes").getString("phrase", "");
    LocalHttpServer.respond(
        exchange,
        200,
        Json.createObjectBuilder()
            .add(
                "replies",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "text")
                            .add("text", "echo: " + phrase))
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "link")
                            .add("url", "https://example.org/echo")
                            .add("title", "More echoes")))
            .build()
            .toString());
  }

  private static String hmac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
