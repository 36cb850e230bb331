package org.parley.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server that answers like Jenkins' REST API (jobs, last build, build, stop, crumb
 * issuer), checks the API token and the CSRF crumb like Jenkins does, records every request, and
 * can be told to fail (503) or to be slow. Started before the ITs' server, which is configured to
 * use it.
 */
public final class FakeJenkins {

  public static final String USER = "parley-bot";
  public static final String TOKEN = "it-test-token";
  private static final String CRUMB = "crumb-4711";
  private static final Pattern LAST_BUILD = Pattern.compile("/job/([^/]+)/lastBuild/api/json");
  private static final Pattern BUILD = Pattern.compile("/job/([^/]+)/(build|buildWithParameters)");
  private static final Pattern STOP = Pattern.compile("/job/([^/]+)/(\\d+)/stop");

  /** One request as Jenkins saw it. */
  public record Request(String method, String path, String query, String crumb) {}

  private static final class Job {
    long number;
    String result;
    boolean building;

    Job(long number, String result, boolean building) {
      this.number = number;
      this.result = result;
      this.building = building;
    }
  }

  private static HttpServer server;
  private static final Map<String, Job> JOBS = new LinkedHashMap<>();
  private static final List<Request> REQUESTS = new ArrayList<>();
  private static volatile int failWith;
  private static volatile long delayMillis;

  private FakeJenkins() {}

  static synchronized void start(int port) throws IOException {
    server = LocalHttpServer.start(port, FakeJenkins::handle);
    reset();
  }

  static synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Back to the initial jobs, answering normally, with no requests recorded. */
  public static synchronized void reset() {
    JOBS.clear();
    JOBS.put("parley-web", new Job(7, "FAILURE", false));
    JOBS.put("parley-api", new Job(3, null, true));
    JOBS.put("parley-nightly", new Job(41, "SUCCESS", false));
    REQUESTS.clear();
    failWith = 0;
    delayMillis = 0;
  }

  public static void failWith(int status) {
    failWith = status;
  }

  public static void delay(long millis) {
    delayMillis = millis;
  }

  public static synchronized List<Request> requests() {
    return List.copyOf(REQUESTS);
  }

  public static synchronized List<Request> requests(String method, String pathPrefix) {
    return REQUESTS.stream()
        .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
        .toList();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    synchronized (FakeJenkins.class) {
      REQUESTS.add(
          new Request(method, path, query, exchange.getRequestHeaders().getFirst("Jenkins-Crumb")));
    }
    try {
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failWith != 0) {
      LocalHttpServer.respond(exchange, failWith, "{\"error\": \"unavailable\"}");
      return;
    }
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      LocalHttpServer.respond(exchange, 401, "{}");
      return;
    }
    synchronized (FakeJenkins.class) {
      route(exchange, method, path);
    }
  }

  private static void route(HttpExchange exchange, String method, String path) throws IOException {
    if (method.equals("GET") && path.equals("/crumbIssuer/api/json")) {
      LocalHttpServer.respond(
          exchange,
          200,
          "{\"crumb\": \"" + CRUMB + "\", \"crumbRequestField\": \"Jenkins-Crumb\"}");
      return;
    }
    if (method.equals("GET") && path.equals("/api/json")) {
      StringBuilder jobs = new StringBuilder();
      JOBS.forEach(
          (name, job) -> {
            String color =
                job.result == null ? "notbuilt" : job.result.equals("SUCCESS") ? "blue" : "red";
            jobs.append(jobs.length() == 0 ? "" : ",")
                .append("{\"name\": \"")
                .append(name)
                .append("\", \"color\": \"")
                .append(color)
                .append(job.building ? "_anime" : "")
                .append("\"}");
          });
      LocalHttpServer.respond(exchange, 200, "{\"mode\": \"NORMAL\", \"jobs\": [" + jobs + "]}");
      return;
    }
    Matcher m = LAST_BUILD.matcher(path);
    if (method.equals("GET") && m.matches()) {
      Job job = JOBS.get(m.group(1));
      if (job == null) {
        LocalHttpServer.respond(exchange, 404, "<html>Not found</html>");
        return;
      }
      LocalHttpServer.respond(
          exchange,
          200,
          "{\"number\": "
              + job.number
              + ", \"building\": "
              + job.building
              + ", \"result\": "
              + (job.result == null ? "null" : "\"" + job.result + "\"")
              + "}");
      return;
    }
    if (method.equals("POST")
        && !CRUMB.equals(exchange.getRequestHeaders().getFirst("Jenkins-Crumb"))) {
      LocalHttpServer.respond(exchange, 403, "No valid crumb was included in the request");
      return;
    }
    m = BUILD.matcher(path);
    if (method.equals("POST") && m.matches()) {
      Job job = JOBS.get(m.group(1));
      if (job == null) {
        LocalHttpServer.respond(exchange, 404, "");
        return;
      }
      job.number++;
      job.building = true;
      job.result = null;
      LocalHttpServer.respond(exchange, 201, "");
      return;
    }
    m = STOP.matcher(path);
    if (method.equals("POST") && m.matches()) {
      Job job = JOBS.get(m.group(1));
      if (job == null || job.number != Long.parseLong(m.group(2))) {
        LocalHttpServer.respond(exchange, 404, "");
        return;
      }
      job.building = false;
      job.result = "ABORTED";
      LocalHttpServer.respond(exchange, 200, "");
      return;
    }
    LocalHttpServer.respond(exchange, 404, "");
  }
}
