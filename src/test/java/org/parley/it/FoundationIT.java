package org.parley.it;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed WAR as ops see it: probes, API documentation, metrics, error bodies. */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Test
  void readinessIsUpWithTheStoreAndTheBrokerChecked() {
    HttpResponse<String> response = Http.get(TestEnvironment.management("/health/ready"));

    assertEquals(200, response.statusCode(), response.body());
    JsonObject health = Http.json(response);
    assertEquals("UP", health.getString("status"));
    Map<String, String> checks = checks(health);
    assertEquals("UP", checks.get("document-store"), health.toString());
    assertEquals("UP", checks.get("messaging"), health.toString());
    JsonObject deployments = check(health, "deployments-status").getJsonObject("data");
    assertEquals("OK", deployments.getString("parley.war"), health.toString());
    JsonObject store = check(health, "document-store").getJsonObject("data");
    assertEquals(
        "mongodb", store.getString("store"), "a configured store, no embedded one started");
    assertEquals("parley", store.getString("database"));
  }

  @Test
  void readinessIsDownWhileTheStoreIsUnreachableAndUpWhenItReturns() {
    TestDocumentStore.stop();
    try {
      HttpResponse<String> unready =
          await()
              .atMost(60, SECONDS)
              .pollInterval(1, SECONDS)
              .until(
                  () -> Http.get(TestEnvironment.management("/health/ready")),
                  response -> response.statusCode() == 503);
      JsonObject down = Http.json(unready);
      assertEquals("DOWN", down.getString("status"));
      assertEquals("DOWN", checks(down).get("document-store"), down.toString());
      assertEquals("UP", checks(down).get("messaging"), "the broker is not affected: " + down);
    } finally {
      TestDocumentStore.start();
    }

    HttpResponse<String> up =
        await()
            .atMost(60, SECONDS)
            .pollInterval(1, SECONDS)
            .until(
                () -> Http.get(TestEnvironment.management("/health/ready")),
                response -> response.statusCode() == 200);
    assertEquals("UP", checks(Http.json(up)).get("document-store"));
  }

  @Test
  void livenessIsUp() {
    HttpResponse<String> response = Http.get(TestEnvironment.management("/health/live"));

    assertEquals(200, response.statusCode(), response.body());
    JsonObject health = Http.json(response);
    assertEquals("UP", checks(health).get("parley"), health.toString());
    assertFalse(
        checks(health).containsKey("document-store"), "liveness must not depend on the store");
  }

  @Test
  void theOpenApiDocumentDescribesParley() {
    HttpResponse<String> response = Http.get(TestEnvironment.http("/openapi?format=JSON"));

    assertEquals(200, response.statusCode());
    JsonObject info = Http.json(response).getJsonObject("info");
    assertEquals("Parley", info.getString("title"));
  }

  @Test
  void swaggerUiIsServedWithItsAssets() {
    HttpResponse<String> page = Http.get(TestEnvironment.http("/api-docs/index.html"));
    assertEquals(200, page.statusCode());
    assertTrue(Http.contentType(page).startsWith("text/html"), Http.contentType(page));

    String bundle =
        page.body()
            .lines()
            .filter(line -> line.contains("swagger-ui-bundle.js"))
            .map(line -> line.replaceAll(".*src=\"([^\"]+)\".*", "$1"))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> script = Http.get(TestEnvironment.http(bundle));
    assertEquals(200, script.statusCode(), bundle);
    assertTrue(script.body().contains("SwaggerUIBundle"), "the bundle itself, not an error page");

    HttpResponse<String> initializer =
        Http.get(TestEnvironment.http("/api-docs/swagger-initializer.js"));
    assertEquals(200, initializer.statusCode());
    assertTrue(initializer.body().contains("url: \"/openapi"), "points at Parley's own document");
  }

  @Test
  void prometheusFiguresAreServedOnTheManagementPort() {
    HttpResponse<String> response = Http.get(TestEnvironment.management("/metrics"));

    assertEquals(200, response.statusCode());
    assertTrue(
        response.body().contains("jvm_memory_used_bytes"), "JVM figures in Prometheus format");
  }

  @Test
  void anUnknownPathIsAProblemNotAnHtmlPage() {
    HttpResponse<String> response = Http.get(TestEnvironment.http("/no-such-thing"));

    assertEquals(404, response.statusCode());
    assertEquals("application/problem+json", Http.contentType(response));
    JsonObject problem = Http.json(response);
    assertEquals(404, problem.getInt("status"));
    assertEquals("Not Found", problem.getString("title"));
    assertFalse(response.body().contains("no-such-thing"), "the path is not echoed back");
  }

  private static Map<String, String> checks(JsonObject health) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(check -> check.getString("name"), c -> c.getString("status")));
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }
}
