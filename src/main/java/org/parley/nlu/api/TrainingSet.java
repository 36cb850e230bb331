package org.parley.nlu.api;

import java.util.List;
import java.util.Map;

/**
 * What an NLU engine learns from: utterances per intent, and the entity types to look for
 * (dictionary words with their canonical values, or a regular expression whose first group, if any,
 * is the value).
 */
public record TrainingSet(Map<String, List<String>> utterances, List<EntityDefinition> entities) {

  public TrainingSet {
    utterances = Map.copyOf(utterances);
    entities = List.copyOf(entities);
  }

  /**
   * @param synonyms each word or phrase (any case) mapped to the value it stands for
   */
  public record EntityDefinition(String type, Map<String, String> synonyms, String pattern) {
    public EntityDefinition {
      synonyms = Map.copyOf(synonyms);
    }
  }
}
