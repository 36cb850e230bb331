package org.parley.plugin.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.nlu.api.TrainingSet;
import org.parley.nlu.api.TrainingSet.EntityDefinition;
import org.parley.plugin.api.InvalidDescriptorException;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginDescriptor.DictionaryEntry;
import org.parley.plugin.api.PluginDescriptor.EntityType;
import org.parley.plugin.api.PluginDescriptor.Intent;

/** What the NLU learns from a set of plugins: their intents' utterances and their entity types. */
public final class TrainingSets {

  private TrainingSets() {}

  public static TrainingSet of(List<PluginDescriptor> plugins) {
    Map<String, List<String>> utterances = new LinkedHashMap<>();
    Map<String, String> owners = new HashMap<>();
    List<EntityDefinition> entities = new ArrayList<>();
    for (PluginDescriptor plugin : plugins) {
      for (Intent intent : plugin.intents()) {
        String owner = owners.putIfAbsent(intent.name(), plugin.name());
        if (owner != null) {
          throw new InvalidDescriptorException(
              "plugins/" + plugin.name() + "/plugin.yaml",
              "intent '" + intent.name() + "' is already declared by plugin " + owner);
        }
        utterances.put(intent.name(), intent.utterances());
      }
      for (EntityType type : plugin.entities()) {
        entities.add(new EntityDefinition(type.name(), synonyms(type), type.pattern()));
      }
    }
    return new TrainingSet(utterances, entities);
  }

  private static Map<String, String> synonyms(EntityType type) {
    Map<String, String> synonyms = new LinkedHashMap<>();
    for (DictionaryEntry entry : type.dictionary()) {
      synonyms.put(entry.value().toLowerCase(Locale.ROOT), entry.value());
      for (String synonym : entry.synonyms()) {
        synonyms.put(synonym.toLowerCase(Locale.ROOT), entry.value());
      }
    }
    return synonyms;
  }
}
