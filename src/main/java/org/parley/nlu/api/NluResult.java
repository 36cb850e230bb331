package org.parley.nlu.api;

import java.util.List;

/**
 * What a message means: its language (ISO 639-1, upper case), the most likely intent with its
 * confidence (or {@link #FALLBACK} when nothing is likely enough), the entities found, and the
 * next-best intents.
 */
public record NluResult(
    String language,
    String intent,
    double confidence,
    List<Entity> entities,
    List<IntentScore> alternatives) {

  public static final String FALLBACK = "fallback";

  public NluResult {
    entities = List.copyOf(entities);
    alternatives = List.copyOf(alternatives);
  }

  public boolean isFallback() {
    return FALLBACK.equals(intent);
  }

  /** An entity found in the text: its type, canonical value, and where it stood. */
  public record Entity(String type, String value, String text, int start, int end) {}

  /** An intent and how likely it is. */
  public record IntentScore(String intent, double confidence) {}
}
