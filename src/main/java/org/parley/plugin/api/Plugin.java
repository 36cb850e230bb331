package org.parley.plugin.api;

import java.util.List;

/**
 * A plugin: a CDI bean that offers actions (its descriptor's routes) and answers them with replies.
 * Parley finds every bean of this type, enables those that configuration does not disable ({@code
 * parley.plugins.<name>.enabled}), connects them at deployment and closes them at undeployment.
 */
public interface Plugin {

  /** What the plugin declares in its {@code plugin.yaml}. */
  PluginDescriptor descriptor();

  /** Prepares the plugin (credentials, clients). Called once before the first trigger. */
  void connect(PluginContext context);

  /** Releases what {@link #connect} acquired. */
  void close();

  /** How the plugin, and what it talks to, is doing. */
  PluginHealth health();

  /**
   * Runs one of the plugin's actions.
   *
   * @throws UnknownActionException if the descriptor has no route for the action
   */
  List<Reply> trigger(Action action);
}
