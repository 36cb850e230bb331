package org.parley.infrastructure.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.parley.application.ChannelClient.ChannelUnavailableException;
import org.parley.application.ChannelClient.ReplyRejectedException;
import org.parley.application.ChannelClient.ThrottledException;

/**
 * JSON posts to a platform's API, sorted by what a retry can do: a network failure or a 5xx is the
 * platform's trouble (retry, count against its circuit breaker); a 429 says when to try again (no
 * retry before then); any other 4xx refuses this reply for good.
 */
@ApplicationScoped
public class PlatformHttp {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /** Posts {@code body} to {@code url}; returns the JSON answer ({@code {}} when there is none). */
  public JsonObject post(String url, String bearerToken, JsonObject body) {
    return send(url, bearerToken, "application/json; charset=utf-8", body.toString());
  }

  /** Posts a form ({@code application/x-www-form-urlencoded}); returns the JSON answer. */
  public JsonObject postForm(String url, java.util.Map<String, String> form) {
    String encoded =
        form.entrySet().stream()
            .map(
                e ->
                    java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                        + "="
                        + java.net.URLEncoder.encode(
                            e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"));
    return send(url, null, "application/x-www-form-urlencoded", encoded);
  }

  private JsonObject send(String url, String bearerToken, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(4))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ChannelUnavailableException(host(url) + " does not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelUnavailableException("Interrupted calling " + host(url), e);
    }
    int status = response.statusCode();
    if (status == 429) {
      throw new ThrottledException(
          host(url) + " answered 429 Too Many Requests", RetryAfter.of(response));
    }
    if (status >= 500) {
      throw new ChannelUnavailableException(host(url) + " answered " + status);
    }
    if (status >= 400) {
      throw new Refused(host(url), status, response.body());
    }
    if (response.body() == null || response.body().isBlank()) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = JSON_P.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    } catch (JsonException e) {
      throw new ChannelUnavailableException(host(url) + " answered something that is not JSON", e);
    }
  }

  /**
   * A 4xx: the platform refused this reply, with its answer, so that a client can tell its
   * platform's error codes apart (WhatsApp's closed window) without reading a message string.
   */
  public static final class Refused extends ReplyRejectedException {

    private static final long serialVersionUID = 1L;

    private final transient JsonObject answer;

    Refused(String host, int status, String body) {
      super(host + " refused the reply: " + status + " " + brief(body));
      JsonObject parsed = JsonObject.EMPTY_JSON_OBJECT;
      if (body != null && !body.isBlank()) {
        try (JsonReader reader = JSON_P.createReader(new StringReader(body))) {
          parsed = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
          // not JSON: the message above keeps what there is
        }
      }
      this.answer = parsed;
    }

    /** The platform's JSON answer, {@code {}} when it sent none or something else. */
    public JsonObject answer() {
      return answer;
    }
  }

  /** The host only: URLs may carry a token (Telegram's do). */
  private static String host(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  private static String brief(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
  }
}
