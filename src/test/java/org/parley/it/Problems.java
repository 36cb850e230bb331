package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** What every refusal must look like: RFC 9457 problem+json with Parley's type and the field. */
final class Problems {

  private Problems() {}

  /** The answer is {@code status}, problem {@code type}, naming {@code field} (or none). */
  static void assertProblem(HttpResponse<String> response, int status, String type, String field) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", Http.contentType(response), response.body());
    JsonObject problem = Http.json(response);
    assertEquals(status, problem.getInt("status"));
    assertEquals("https://parley.org/problems/" + type, problem.getString("type"));
    assertFalse(problem.getString("detail").isBlank());
    if (field == null) {
      assertFalse(problem.containsKey("field"), response.body());
    } else {
      assertEquals(field, problem.getString("field"), response.body());
    }
    assertFalse(response.body().contains("Exception"), "no stack trace: " + response.body());
  }
}
