package org.parley.plugin.remote;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Posts an action to a remote plugin's endpoint with {@code X-Parley-Signature: sha256=<hex
 * HMAC-SHA256 of the body with the plugin's secret>}. The body carries a timestamp, so the endpoint
 * can refuse old replays.
 */
@ApplicationScoped
public class RemotePluginCaller {

  public static final String SIGNATURE_HEADER = "X-Parley-Signature";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The endpoint's answer: its status and body. */
  public record Answer(int status, String body) {}

  /**
   * 3 s: a function that takes longer is not part of a chat. Not retried: an action may change
   * something, and a timed-out call may have done so. The breaker stops calling an endpoint that
   * keeps failing.
   */
  @Timeout(value = 3, unit = ChronoUnit.SECONDS)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  public Answer call(URI endpoint, String secret, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header(SIGNATURE_HEADER, "sha256=" + sign(secret, json))
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500) {
        throw new RemotePluginException(endpoint + " answered " + response.statusCode());
      }
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new RemotePluginException(endpoint + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemotePluginException("Interrupted while calling " + endpoint, e);
    }
  }

  /** Whether the endpoint answers at all (any HTTP status below 500). */
  @Timeout(value = 2, unit = ChronoUnit.SECONDS)
  public boolean reachable(URI endpoint) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() < 500;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Hex HMAC-SHA256 of the body's UTF-8 bytes. */
  public static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
