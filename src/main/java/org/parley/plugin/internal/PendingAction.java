package org.parley.plugin.internal;

import java.util.Map;

/**
 * An action waiting for the user to supply a required attribute: the bot asked for {@code
 * awaiting}, and the user's next message in the dialog fills it in.
 */
public record PendingAction(
    String plugin, String action, Map<String, String> attributes, String awaiting) {

  public PendingAction {
    attributes = Map.copyOf(attributes);
  }
}
