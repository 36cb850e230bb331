package org.parley.nlu.dialogflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

/**
 * Dialogflow ES over REST ({@code projects/{project}/agent/sessions/{session}:detectIntent}) with
 * an OAuth access token. The message's language (detected by the embedded engine, or the platform's
 * hint) is sent as the query language. When Dialogflow is slow, failing or answers nonsense, the
 * embedded engine answers instead.
 */
@ApplicationScoped
@Typed(DialogflowNluEngine.class)
public class DialogflowNluEngine implements NluEngine {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  @Inject @Embedded NluEngine embedded;
  @Inject JsonHttp http;

  @Inject
  @ConfigProperty(
      name = "parley.nlu.dialogflow.url",
      defaultValue = "https://dialogflow.googleapis.com")
  String url;

  @Inject
  @ConfigProperty(name = ConfigKeys.NLU_DIALOGFLOW_PROJECT)
  Optional<String> project;

  @Inject
  @ConfigProperty(name = ConfigKeys.NLU_DIALOGFLOW_TOKEN)
  Optional<String> token;

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
    String language = embedded.language(text, context);
    String session = Integer.toHexString(text.hashCode());
    String endpoint =
        url.replaceAll("/+$", "")
            + "/v2/projects/"
            + URLEncoder.encode(project.orElse("-"), StandardCharsets.UTF_8)
            + "/agent/sessions/"
            + session
            + ":detectIntent";
    JsonObject request =
        JSON_P
            .createObjectBuilder()
            .add(
                "queryInput",
                JSON_P
                    .createObjectBuilder()
                    .add(
                        "text",
                        JSON_P
                            .createObjectBuilder()
                            .add("text", text)
                            .add("languageCode", language.toLowerCase(Locale.ROOT))))
            .build();
    JsonObject result =
        http.post(endpoint, token.orElse(null), request).getJsonObject("queryResult");
    String intent =
        result.containsKey("intent") && !result.isNull("intent")
            ? result.getJsonObject("intent").getString("displayName")
            : NluResult.FALLBACK;
    double confidence =
        result.containsKey("intentDetectionConfidence")
            ? result.getJsonNumber("intentDetectionConfidence").doubleValue()
            : 0;
    List<Entity> entities = new ArrayList<>();
    JsonObject parameters =
        result.containsKey("parameters")
            ? result.getJsonObject("parameters")
            : JsonValue.EMPTY_JSON_OBJECT;
    parameters.forEach(
        (name, value) -> {
          if (value instanceof JsonString string && !string.getString().isEmpty()) {
            // Dialogflow gives no offsets: the value's first occurrence, or -1 when it is
            // normalised
            int start = text.indexOf(string.getString());
            int end = start < 0 ? -1 : start + string.getString().length();
            entities.add(new Entity(name, string.getString(), string.getString(), start, end));
          }
        });
    boolean fallback =
        confidence < minConfidence
            || (result.containsKey("intent")
                && !result.isNull("intent")
                && result.getJsonObject("intent").getBoolean("isFallback", false));
    return new NluResult(
        language, fallback ? NluResult.FALLBACK : intent, confidence, entities, List.of());
  }

  NluResult embeddedParse(String text, NluContext context) {
    return embedded.parse(text, context);
  }
}
