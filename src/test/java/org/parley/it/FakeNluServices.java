package org.parley.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins for Rasa ({@code /rasa/model/parse}) and Dialogflow ES ({@code
 * /dialogflow/v2/projects/{p}/agent/sessions/{s}:detectIntent}). The text decides how they behave,
 * so in-container tests can steer them: {@code [slow]} answers after 3 s, {@code [error]} with 500,
 * {@code [garbage]} with something that is not JSON, {@code [lowconf]} with confidence 0.1. {@code
 * GET /calls?text=...} tells how often a text arrived and the last language code Dialogflow got.
 */
public final class FakeNluServices {

  public static final String DIALOGFLOW_TOKEN = "it-df-token";

  private static HttpServer server;
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  private static volatile String lastLanguageCode = "";

  private FakeNluServices() {}

  static synchronized void start(int port) throws IOException {
    server = LocalHttpServer.start(port, FakeNluServices::handle);
  }

  static synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (exchange.getRequestMethod().equals("GET") && path.equals("/calls")) {
      String text =
          URLDecoder.decode(
              exchange.getRequestURI().getRawQuery().substring(5), StandardCharsets.UTF_8);
      AtomicInteger count = CALLS.get(text);
      LocalHttpServer.respond(
          exchange,
          200,
          Json.createObjectBuilder()
              .add("count", count == null ? 0 : count.get())
              .add("languageCode", lastLanguageCode)
              .build()
              .toString());
      return;
    }
    JsonObject request;
    try (var reader =
        Json.createReader(
            new StringReader(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
      request = reader.readObject();
    }
    boolean dialogflow = path.startsWith("/dialogflow/");
    String text =
        dialogflow
            ? request.getJsonObject("queryInput").getJsonObject("text").getString("text")
            : request.getString("text");
    CALLS.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
    if (text.contains("[slow]")) {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (text.contains("[error]")) {
      LocalHttpServer.respond(exchange, 500, "{\"error\": \"boom\"}");
      return;
    }
    if (text.contains("[garbage]")) {
      LocalHttpServer.respond(exchange, 200, "<html>maintenance</html>");
      return;
    }
    double confidence = text.contains("[lowconf]") ? 0.1 : 0.93;
    if (dialogflow) {
      dialogflow(exchange, path, request, text, confidence);
    } else {
      rasa(exchange, text, confidence);
    }
  }

  private static void rasa(HttpExchange exchange, String text, double confidence)
      throws IOException {
    JsonArrayBuilder entities = Json.createArrayBuilder();
    int job = text.indexOf("parley-web");
    if (job >= 0) {
      entities.add(
          Json.createObjectBuilder()
              .add("entity", "job")
              .add("value", "parley-web")
              .add("start", job)
              .add("end", job + "parley-web".length()));
    }
    String intent = text.contains("build") ? "rasa_build" : "rasa_greet";
    LocalHttpServer.respond(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("text", text)
            .add(
                "intent",
                Json.createObjectBuilder().add("name", intent).add("confidence", confidence))
            .add("entities", entities)
            .add(
                "intent_ranking",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", intent)
                            .add("confidence", confidence))
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "rasa_other")
                            .add("confidence", 0.05)))
            .build()
            .toString());
  }

  private static void dialogflow(
      HttpExchange exchange, String path, JsonObject request, String text, double confidence)
      throws IOException {
    if (!("Bearer " + DIALOGFLOW_TOKEN)
            .equals(exchange.getRequestHeaders().getFirst("Authorization"))
        || !path.matches("/dialogflow/v2/projects/parley-it/agent/sessions/[^/:]+:detectIntent")) {
      LocalHttpServer.respond(exchange, 401, "{\"error\": {\"code\": 401}}");
      return;
    }
    lastLanguageCode =
        request.getJsonObject("queryInput").getJsonObject("text").getString("languageCode");
    LocalHttpServer.respond(
        exchange,
        200,
        Json.createObjectBuilder()
            .add(
                "queryResult",
                Json.createObjectBuilder()
                    .add("queryText", text)
                    .add("languageCode", lastLanguageCode)
                    .add(
                        "intent",
                        Json.createObjectBuilder()
                            .add("displayName", "df.order")
                            .add("isFallback", false))
                    .add("intentDetectionConfidence", confidence)
                    .add(
                        "parameters",
                        Json.createObjectBuilder()
                            .add("job", text.contains("parley-web") ? "parley-web" : "")))
            .build()
            .toString());
  }
}
