package org.parley.plugin.builtin.jenkins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Jenkins' REST API with an API token (HTTP Basic) and, for changes, a CSRF crumb. Every call is
 * guarded: Jenkins can be slow or down, and a chat must not wait on it.
 */
@ApplicationScoped
public class JenkinsClient {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A job and its state from its ball colour. */
  public record Job(String name, String color) {}

  /** A build's number and result (null while it runs). */
  public record Build(long number, String result, boolean building) {}

  /** Reads are safe to repeat: 2 s each, 2 retries, breaker opens at half of 10 calls failing. */
  @Timeout(value = 2, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 200, retryOn = JenkinsUnavailableException.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  public List<Job> jobs(JenkinsServer server) {
    JsonObject root = json(send(server, get(server, "/api/json?tree=jobs%5Bname,color%5D")));
    return root.getJsonArray("jobs").stream()
        .map(JsonValue::asJsonObject)
        .map(job -> new Job(job.getString("name"), job.getString("color", "notbuilt")))
        .toList();
  }

  /** Same guard as {@link #jobs}; empty when the job does not exist or never ran. */
  @Timeout(value = 2, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 200, retryOn = JenkinsUnavailableException.class)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  public Optional<Build> lastBuild(JenkinsServer server, String job) {
    HttpResponse<String> response =
        send(server, get(server, "/job/" + path(job) + "/lastBuild/api/json"));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    JsonObject build = json(response);
    return Optional.of(
        new Build(
            build.getJsonNumber("number").longValue(),
            build.isNull("result") ? null : build.getString("result"),
            build.getBoolean("building", false)));
  }

  /**
   * Queues a build. Not retried: a request that timed out may still have started a build, and a
   * second one would build twice. 5 s, since Jenkins answers only once the build is queued.
   *
   * @return false if the job does not exist
   */
  @Timeout(value = 5, unit = ChronoUnit.SECONDS)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  public boolean build(JenkinsServer server, String job, String branch) {
    String path =
        branch == null
            ? "/job/" + path(job) + "/build"
            : "/job/" + path(job) + "/buildWithParameters?branch=" + query(branch);
    return send(server, post(server, path)).statusCode() != 404;
  }

  /** Stops the job's running build. Not retried, like {@link #build}. */
  @Timeout(value = 5, unit = ChronoUnit.SECONDS)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  public boolean stop(JenkinsServer server, String job, long number) {
    return send(server, post(server, "/job/" + path(job) + "/" + number + "/stop")).statusCode()
        != 404;
  }

  /** Whether Jenkins answers at all: one quick read, no retry. */
  @Timeout(value = 2, unit = ChronoUnit.SECONDS)
  public void ping(JenkinsServer server) {
    send(server, get(server, "/api/json?tree=mode"));
  }

  private HttpRequest.Builder get(JenkinsServer server, String path) {
    return request(server, path).GET();
  }

  /** A change: with the crumb Jenkins hands out for CSRF protection, fetched for each change. */
  private HttpRequest.Builder post(JenkinsServer server, String path) {
    JsonObject crumb = json(send(server, get(server, "/crumbIssuer/api/json")));
    return request(server, path)
        .header(crumb.getString("crumbRequestField"), crumb.getString("crumb"))
        .POST(HttpRequest.BodyPublishers.noBody());
  }

  private HttpRequest.Builder request(JenkinsServer server, String path) {
    String credentials = server.user() + ":" + server.apiToken();
    return HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(5))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(JenkinsServer server, HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new JenkinsUnavailableException("Jenkins at " + server.url() + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JenkinsUnavailableException("Interrupted while calling Jenkins", e);
    }
    if (response.statusCode() >= 500
        || response.statusCode() == 401
        || response.statusCode() == 403) {
      throw new JenkinsUnavailableException(
          "Jenkins answered " + response.statusCode() + " to " + request.build().uri().getPath());
    }
    return response;
  }

  private static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = JSON_P.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new JenkinsUnavailableException("Jenkins answered something that is not JSON", e);
    }
  }

  private static String path(String job) {
    return URLEncoder.encode(job, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
