package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.DataApiClient.OPERATOR;
import static org.parley.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remote plugins declared in configuration, against an endpoint that checks their signature. */
abstract class RemotePluginCases {

  @BeforeEach
  @AfterEach
  void reset() {
    FakeRemotePlugin.reset();
  }

  @Test
  void theActionIsPostedSignedAndTheEndpointsRepliesComeBack() {
    JsonArray replies = replies("echo", "{\"phrase\": \"hello world\"}");

    assertEquals(2, replies.size());
    assertEquals("text", replies.getJsonObject(0).getString("type"));
    assertEquals("echo: hello world", replies.getJsonObject(0).getString("text"));
    assertEquals("link", replies.getJsonObject(1).getString("type"));
    assertEquals("https://example.org/echo", replies.getJsonObject(1).getString("url"));
    assertEquals("More echoes", replies.getJsonObject(1).getString("title"));

    List<FakeRemotePlugin.Call> calls = FakeRemotePlugin.calls();
    assertEquals(1, calls.size(), "posted once");
    assertEquals("/echo", calls.get(0).path());
    assertTrue(calls.get(0).signatureValid(), "signed with the shared secret");
    JsonObject body = Json.createReader(new StringReader(calls.get(0).body())).readObject();
    assertEquals("echo", body.getString("plugin"));
    assertEquals("say", body.getString("action"));
    assertEquals("hello world", body.getJsonObject("attributes").getString("phrase"));
    assertEquals("EN", body.getString("language"));
    long age = Instant.now().getEpochSecond() - body.getJsonNumber("timestamp").longValue();
    assertTrue(age >= 0 && age < 60, "a fresh timestamp, signed with the rest: " + age);
  }

  @Test
  void aRequestSignedWithTheWrongSecretIsRefusedAndSaidSo() {
    JsonArray replies = replies("tampered", "{\"phrase\": \"hi\"}");

    assertEquals(
        "The tampered service refused the request.", replies.getJsonObject(0).getString("text"));
    assertEquals(1, FakeRemotePlugin.calls().size());
    assertEquals(false, FakeRemotePlugin.calls().get(0).signatureValid());
  }

  @Test
  void aSlowEndpointTimesOutAndAGarbledAnswerIsNotShown() {
    FakeRemotePlugin.delay(4_000);
    assertEquals(
        "The echo service is not answering right now.",
        replies("echo", "{\"phrase\": \"hi\"}").getJsonObject(0).getString("text"));
    assertEquals(1, FakeRemotePlugin.calls().size(), "an action is never retried");

    FakeRemotePlugin.reset();
    FakeRemotePlugin.answerGarbage();
    assertEquals(
        "The echo service gave an answer I cannot show.",
        replies("echo", "{\"phrase\": \"hi\"}").getJsonObject(0).getString("text"));
  }

  @Test
  void remotePluginsAreListedWithTheirHealthAndRequiredAttributes() {
    HttpResponse<String> response = OPERATOR.get("/plugins");
    JsonArray plugins = Json.createReader(new StringReader(response.body())).readArray();
    JsonObject echo =
        plugins.stream()
            .map(p -> p.asJsonObject())
            .filter(p -> p.getString("name").equals("echo"))
            .findFirst()
            .orElseThrow();
    assertEquals("SUCCESS", echo.getJsonObject("health").getString("status"));
    assertEquals("Parley tests", echo.getString("author"));

    assertProblem(OPERATOR.post("/plugins/echo/say", "{}", null), 400, "invalid-input", "phrase");
    assertEquals(0, FakeRemotePlugin.calls().size(), "nothing sent without the required attribute");
  }

  private static JsonArray replies(String plugin, String body) {
    HttpResponse<String> response = OPERATOR.post("/plugins/" + plugin + "/say", body, null);
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readArray();
  }
}
