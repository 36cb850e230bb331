package org.parley.plugin.api;

/** The plugin has no route for the action. */
public class UnknownActionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownActionException(String plugin, String action) {
    super("Plugin " + plugin + " has no action " + action);
  }
}
