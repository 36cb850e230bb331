package org.parley.infrastructure.channel;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a platform's 429 asks us to wait: its {@code Retry-After} header (seconds or an HTTP
 * date; Slack and Meta send it), else Telegram's {@code parameters.retry_after} in the body; one
 * second when it says nothing, and between one second and an hour whatever it says (a 0 or a date
 * in the past would let a delivery ask again at once, and again).
 */
final class RetryAfter {

  private static final JsonProvider JSON_P = JsonProvider.provider();
  private static final Duration MIN = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  static Duration of(HttpResponse<String> response) {
    Duration wait =
        response
            .headers()
            .firstValue("Retry-After")
            .flatMap(RetryAfter::header)
            .or(() -> body(response.body()))
            .orElse(MIN);
    return wait.compareTo(MIN) < 0 ? MIN : wait.compareTo(MAX) > 0 ? MAX : wait;
  }

  static Optional<Duration> header(String value) {
    String text = value.strip();
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(Duration.between(Instant.now(), at));
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  static Optional<Duration> body(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = JSON_P.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object
          && object.get("parameters") instanceof JsonObject parameters
          && parameters.get("retry_after") instanceof JsonNumber seconds
          && seconds.isIntegral()) {
        return Optional.of(Duration.ofSeconds(seconds.longValue()));
      }
      return Optional.empty();
    } catch (JsonException | NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
