package org.parley.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * What a plugin declares in its {@code plugin.yaml}: who made it, the actions it offers (routes)
 * with the entities each takes, the names of the credentials it needs (values come from
 * configuration, never from here), and the intents and entities the NLU learns from its training
 * files.
 */
public record PluginDescriptor(
    String name,
    String version,
    String author,
    String website,
    List<Route> routes,
    List<String> credentials,
    List<Intent> intents,
    List<EntityType> entities) {

  public PluginDescriptor {
    routes = List.copyOf(routes);
    credentials = List.copyOf(credentials);
    intents = List.copyOf(intents);
    entities = List.copyOf(entities);
  }

  public Optional<Route> route(String action) {
    return routes.stream().filter(route -> route.action().equals(action)).findFirst();
  }

  /** An action of the plugin and the intent that triggers it. */
  public record Route(
      String action, String intent, String description, List<Attribute> attributes) {
    public Route {
      attributes = List.copyOf(attributes);
    }
  }

  /** An input of an action, filled from an entity of the user's message. */
  public record Attribute(String name, String entity, boolean required, String prompt) {}

  /** An intent with its training utterances (one per line of its training file). */
  public record Intent(String name, List<String> utterances) {
    public Intent {
      utterances = List.copyOf(utterances);
    }
  }

  /**
   * An entity type: a dictionary of values with their synonyms, and/or a pattern. A pattern's first
   * group, if it has one, is the value.
   */
  public record EntityType(String name, List<DictionaryEntry> dictionary, String pattern) {
    public EntityType {
      dictionary = List.copyOf(dictionary);
    }
  }

  /** A canonical entity value and the words that mean it. */
  public record DictionaryEntry(String value, List<String> synonyms) {
    public DictionaryEntry {
      synonyms = List.copyOf(synonyms);
    }
  }
}
