package org.parley.nlu.rasa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.infrastructure.http.JsonHttp;
import org.parley.nlu.api.Embedded;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.NluEngine;
import org.parley.nlu.api.NluResult;
import org.parley.nlu.api.NluResult.Entity;
import org.parley.nlu.api.NluResult.IntentScore;

/**
 * Rasa's HTTP API ({@code POST /model/parse}). Rasa does not say which language a message is in:
 * the embedded engine's detector does. When Rasa is slow, failing or answers nonsense, the embedded
 * engine answers instead.
 */
@ApplicationScoped
@Typed(RasaNluEngine.class)
public class RasaNluEngine implements NluEngine {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  @Inject @Embedded NluEngine embedded;
  @Inject JsonHttp http;

  @Inject
  @ConfigProperty(name = ConfigKeys.NLU_RASA_URL, defaultValue = ConfigKeys.NLU_RASA_URL_DEFAULT)
  String url;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.NLU_MIN_CONFIDENCE,
      defaultValue = ConfigKeys.NLU_MIN_CONFIDENCE_DEFAULT)
  double minConfidence;

  /** 2 s per call, one retry, breaker after half of 10 calls fail; then the embedded engine. */
  @Override
  @Timeout(value = 2, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 1, delay = 100)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000)
  @Fallback(fallbackMethod = "embeddedParse")
  public NluResult parse(String text, NluContext context) {
    JsonObject answer =
        http.post(
            url.replaceAll("/+$", "") + "/model/parse",
            null,
            JSON_P.createObjectBuilder().add("text", text).build());
    JsonObject intent = answer.getJsonObject("intent");
    String name = intent.getString("name");
    double confidence = intent.getJsonNumber("confidence").doubleValue();
    List<Entity> entities =
        answer.getJsonArray("entities").stream()
            .map(JsonValue::asJsonObject)
            .map(
                e ->
                    new Entity(
                        e.getString("entity"),
                        String.valueOf(e.get("value")).replaceAll("^\"|\"$", ""),
                        text.substring(e.getInt("start"), e.getInt("end")),
                        e.getInt("start"),
                        e.getInt("end")))
            .toList();
    List<IntentScore> ranking =
        answer.containsKey("intent_ranking")
            ? answer.getJsonArray("intent_ranking").stream()
                .map(JsonValue::asJsonObject)
                .map(
                    r ->
                        new IntentScore(
                            r.getString("name"), r.getJsonNumber("confidence").doubleValue()))
                .filter(r -> !r.intent().equals(name))
                .sorted(Comparator.comparingDouble(IntentScore::confidence).reversed())
                .limit(3)
                .toList()
            : List.of();
    String language = embedded.language(text, context);
    if (confidence < minConfidence || name.equals("nlu_fallback")) {
      return new NluResult(language, NluResult.FALLBACK, confidence, entities, ranking);
    }
    return new NluResult(language, name, confidence, entities, ranking);
  }

  NluResult embeddedParse(String text, NluContext context) {
    return embedded.parse(text, context);
  }
}
