package org.parley.plugin.api;

import java.util.Map;

/**
 * An action to run: its name (a route of the plugin), the attributes filled from the user's
 * message, and the language to answer in (ISO 639-1, upper case).
 */
public record Action(String name, Map<String, String> attributes, String language) {

  public Action {
    attributes = Map.copyOf(attributes);
  }
}
