package org.parley.plugin.internal;

import java.util.Set;

/**
 * Which plugins an admin has closed, kept in the store so that a node started later (or again)
 * knows too.
 */
public interface PluginSwitches {

  /** The names of the plugins closed now. */
  Set<String> closed();

  /** Records that an admin connected or closed {@code plugin}. */
  void record(String plugin, boolean connected);
}
