package org.parley.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls Parley's REST API as one of the development users (README.md, "Users and roles"). */
public final class DataApiClient {

  public static final DataApiClient WRITER = new DataApiClient("writer");
  public static final DataApiClient READER = new DataApiClient("reader");
  public static final DataApiClient ADMIN = new DataApiClient("data-admin");
  public static final DataApiClient OPERATOR = new DataApiClient("operator");
  public static final DataApiClient CONSOLE_ADMIN = new DataApiClient("admin");
  public static final DataApiClient ANONYMOUS = new DataApiClient(null, null);

  private final String authorization;

  private DataApiClient(String user) {
    this(user, "dev-" + user + "-password");
  }

  private DataApiClient(String user, String password) {
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The Authorization header value, for requests built by hand. */
  public String authorization() {
    return authorization;
  }

  public static DataApiClient as(String user, String password) {
    return new DataApiClient(user, password);
  }

  public HttpResponse<String> postText(
      String customerId, String dialogId, String text, String lang) {
    return post(
        "/data/" + customerId + "/" + dialogId,
        "{\"text\": " + quote(text) + ", \"language\": " + quote(lang) + "}",
        null);
  }

  public HttpResponse<String> post(String path, String json, String idempotencyKey) {
    return post(path, json, "application/json", idempotencyKey);
  }

  public HttpResponse<String> post(
      String path, String body, String contentType, String idempotencyKey) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return Http.send(request.build());
  }

  public HttpResponse<String> consent(String dialogId, String body) {
    return post("/consents/" + dialogId, body, null);
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return Http.send(request(pathAndQuery).GET().build());
  }

  public HttpResponse<String> delete(String path) {
    return Http.send(request(path).DELETE().build());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    URI uri =
        pathAndQuery.startsWith("http")
            ? URI.create(pathAndQuery)
            : TestEnvironment.http(pathAndQuery);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  public static String query(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
