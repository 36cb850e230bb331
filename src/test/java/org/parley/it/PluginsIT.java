package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.DataApiClient.ANONYMOUS;
import static org.parley.it.DataApiClient.CONSOLE_ADMIN;
import static org.parley.it.DataApiClient.OPERATOR;
import static org.parley.it.DataApiClient.READER;
import static org.parley.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /plugins}: the enabled built-in plugins, their health, and direct action calls. */
@ExtendWith(ArquillianExtension.class)
class PluginsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Test
  void operatorsSeeTheEnabledPluginsWithDescriptorsAndHealth() {
    HttpResponse<String> response = OPERATOR.get("/plugins");

    assertEquals(200, response.statusCode(), response.body());
    JsonArray plugins = array(response);
    assertEquals(
        List.of("echo", "jenkins", "quotes", "smalltalk", "tampered"),
        plugins.stream().map(p -> p.asJsonObject().getString("name")).toList(),
        "the built-in beans and the two remote plugins the ITs configure, by name");
    assertEquals(
        List.of("jenkins.url", "jenkins.user", "jenkins.api-token"),
        plugins.getJsonObject(1).getJsonArray("credentials").getValuesAs(JsonString::getString),
        "names only");
    assertFalse(response.body().contains(FakeJenkins.TOKEN), "no credential value is shown");
    JsonObject quotes = plugins.getJsonObject(2);
    assertEquals("1.0.0", quotes.getString("version"));
    assertEquals("Parley developers", quotes.getString("author"));
    assertEquals("SUCCESS", quotes.getJsonObject("health").getString("status"));
    JsonObject route = quotes.getJsonArray("routes").getJsonObject(0);
    assertEquals("quote", route.getString("action"));
    assertEquals("quote", route.getString("intent"));
    assertEquals(0, quotes.getJsonArray("credentials").size());
    assertEquals(200, CONSOLE_ADMIN.get("/plugins").statusCode(), "admins may look too");
  }

  @Test
  void onlyOperatorsRunActionsAndOnlyAuthenticatedUsersSeeThePlugins() {
    assertEquals(401, ANONYMOUS.get("/plugins").statusCode());
    assertProblem(READER.get("/plugins"), 403, "forbidden", null);
    assertProblem(CONSOLE_ADMIN.post("/plugins/quotes/quote", "{}", null), 403, "forbidden", null);
    assertEquals(401, ANONYMOUS.post("/plugins/quotes/quote", "{}", null).statusCode());
  }

  @Test
  void theQuoteActionAnswersOneOfTheShippedQuotes() throws IOException {
    List<String> shipped = shippedQuotes();

    for (int i = 0; i < 5; i++) {
      HttpResponse<String> response = OPERATOR.post("/plugins/quotes/quote", "{}", null);
      assertEquals(200, response.statusCode(), response.body());
      JsonArray replies = array(response);
      assertEquals(1, replies.size());
      assertEquals("text", replies.getJsonObject(0).getString("type"));
      String quote = replies.getJsonObject(0).getString("text");
      assertTrue(shipped.contains(quote), quote);
    }
  }

  @Test
  void smallTalkGreetsAndListsWhatTheEnabledPluginsCanDo() {
    JsonObject greeting =
        array(OPERATOR.post("/plugins/smalltalk/greet", "{}", null)).getJsonObject(0);
    assertEquals("Hello! I'm Parley. Ask me what I can do.", greeting.getString("text"));
    HttpResponse<String> german =
        Http.send(
            java.net.http.HttpRequest.newBuilder(TestEnvironment.http("/plugins/smalltalk/greet"))
                .header("Authorization", OPERATOR.authorization())
                .header("Content-Type", "application/json")
                .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertEquals(
        "Hallo! Ich bin Parley. Frag mich, was ich kann.",
        array(german).getJsonObject(0).getString("text"));

    String help =
        array(OPERATOR.post("/plugins/smalltalk/help", "{}", null))
            .getJsonObject(0)
            .getString("text");
    assertTrue(help.contains("Tells a random quote (quotes)"), help);
    assertTrue(help.contains("Says hello (smalltalk)"), help);
    assertTrue(help.contains("Builds a job, optionally on a branch (jenkins)"), help);
    assertFalse(help.contains("did not understand"), "the fallback is not an offer: " + help);

    JsonObject fallback =
        array(OPERATOR.post("/plugins/smalltalk/fallback", "{}", null)).getJsonObject(0);
    assertEquals("quick-replies", fallback.getString("type"));
    assertEquals(
        List.of("help"),
        fallback.getJsonArray("options").getValuesAs(v -> v.toString().replace("\"", "")));
  }

  @Test
  void unknownPluginsActionsAndAttributesAreRefusedByName() {
    assertProblem(
        OPERATOR.post("/plugins/weather/forecast", "{}", null), 404, "plugin-not-found", "plugin");
    assertProblem(
        OPERATOR.post("/plugins/quotes/poem", "{}", null), 404, "action-not-found", "action");
    assertProblem(
        OPERATOR.post("/plugins/quotes/quote", "{\"author\": \"Knuth\"}", null),
        400,
        "invalid-input",
        "author");
    assertProblem(OPERATOR.post("/plugins/quotes/quote", "[]", null), 400, "invalid-input", "body");
    assertProblem(OPERATOR.post("/plugins/quotes/quote", "{", null), 400, "malformed-json", "body");
  }

  private static JsonArray array(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readArray();
    }
  }

  private static List<String> shippedQuotes() throws IOException {
    try (InputStream in =
        PluginsIT.class.getClassLoader().getResourceAsStream("plugins/quotes/quotes.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }
}
