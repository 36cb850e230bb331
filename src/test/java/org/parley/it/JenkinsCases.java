package org.parley.it;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.DataApiClient.OPERATOR;
import static org.parley.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jenkins plugin against a local server that answers like Jenkins, fails, or is slow. */
abstract class JenkinsCases {

  private static final String NOT_ANSWERING =
      "Jenkins is not answering right now. Please try again later.";

  @BeforeEach
  void jenkinsAnswers() {
    FakeJenkins.reset();
  }

  @AfterEach
  void breakersClosedAgain() {
    FakeJenkins.reset();
    // a test that made Jenkins fail may have opened a circuit breaker: wait until calls go through
    await()
        .atMost(30, SECONDS)
        .until(() -> !reply("status", "{\"job\": \"parley-nightly\"}").equals(NOT_ANSWERING));
    FakeJenkins.reset();
  }

  @Test
  void aBuildOnABranchIsQueuedOnceWithTheTokenAndTheCrumb() {
    assertEquals(
        "Started a build of parley-web on feature/login.",
        reply("build", "{\"job\": \"parley-web\", \"branch\": \"feature/login\"}"));

    List<FakeJenkins.Request> builds = FakeJenkins.requests("POST", "/job/");
    assertEquals(1, builds.size(), FakeJenkins.requests().toString());
    assertEquals("/job/parley-web/buildWithParameters", builds.get(0).path());
    assertEquals("branch=feature%2Flogin", builds.get(0).query());
    assertEquals("crumb-4711", builds.get(0).crumb(), "with the CSRF crumb Jenkins issued");
    assertEquals("parley-web #8: building", reply("status", "{\"job\": \"parley-web\"}"));
  }

  @Test
  void aBuildWithoutAJobIsRefusedAndReachesNoJenkins() {
    assertProblem(
        OPERATOR.post("/plugins/jenkins/build", "{\"branch\": \"main\"}", null),
        400,
        "invalid-input",
        "job");
    assertEquals(List.of(), FakeJenkins.requests());
  }

  @Test
  void statusStopAndJobsSpeakTheSpiVocabulary() {
    assertEquals("parley-web #7: FAIL", reply("status", "{\"job\": \"parley-web\"}"));
    assertEquals("parley-nightly #41: SUCCESS", reply("status", "{\"job\": \"parley-nightly\"}"));
    assertEquals("There is no build of nope.", reply("status", "{\"job\": \"nope\"}"));
    assertEquals(
        "Jobs:\n- parley-web: FAIL\n- parley-api: not built, building\n- parley-nightly: SUCCESS",
        reply("jobs", "{}"));

    assertEquals("Stopping parley-api #3.", reply("stop", "{\"job\": \"parley-api\"}"));
    assertEquals(1, FakeJenkins.requests("POST", "/job/parley-api/3/stop").size());
    assertEquals("parley-api #3: ABORTED", reply("status", "{\"job\": \"parley-api\"}"));
    assertEquals("Nothing of parley-api is running.", reply("stop", "{\"job\": \"parley-api\"}"));
    assertEquals("There is no job nope.", reply("build", "{\"job\": \"nope\"}"));
  }

  @Test
  void aFailingJenkinsIsRetriedForReadsButNeverForBuilds() {
    FakeJenkins.failWith(503);

    assertEquals(NOT_ANSWERING, reply("status", "{\"job\": \"parley-web\"}"));
    assertEquals(
        3,
        FakeJenkins.requests("GET", "/job/parley-web/lastBuild").size(),
        "one call and two retries");

    assertEquals(NOT_ANSWERING, reply("build", "{\"job\": \"parley-web\"}"));
    assertEquals(0, FakeJenkins.requests("POST", "/job/").size(), "no build without a crumb");
    assertEquals(1, FakeJenkins.requests("GET", "/crumbIssuer").size(), "and no retry of a build");
  }

  @Test
  void aSlowJenkinsTimesOut() {
    FakeJenkins.delay(4_000);

    assertEquals(NOT_ANSWERING, reply("status", "{\"job\": \"parley-web\"}"));
    assertEquals(
        1,
        FakeJenkins.requests("GET", "/job/parley-web/lastBuild").size(),
        "a timeout is not retried: only Jenkins' own errors are");
  }

  @Test
  void healthFollowsJenkins() {
    assertEquals("SUCCESS", jenkinsHealth());

    FakeJenkins.failWith(500);

    assertEquals("FAIL", jenkinsHealth());
  }

  private static String jenkinsHealth() {
    HttpResponse<String> response = OPERATOR.get("/plugins");
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readArray().stream()
          .map(p -> p.asJsonObject())
          .filter(p -> p.getString("name").equals("jenkins"))
          .findFirst()
          .orElseThrow()
          .getJsonObject("health")
          .getString("status");
    }
  }

  static String reply(String action, String body) {
    HttpResponse<String> response = OPERATOR.post("/plugins/jenkins/" + action, body, null);
    assertEquals(200, response.statusCode(), response.body());
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      JsonArray replies = reader.readArray();
      assertEquals(1, replies.size(), response.body());
      JsonObject reply = replies.getJsonObject(0);
      assertTrue(reply.getString("type").equals("text"), response.body());
      return reply.getString("text");
    }
  }
}
