package org.parley.plugin.api;

import java.util.Optional;

/**
 * What Parley gives a plugin when it connects: its credentials, by the names its descriptor lists.
 */
public interface PluginContext {

  /**
   * The value of a credential the descriptor declares, from MicroProfile Config (so from the
   * environment or a mounted secret, never from the descriptor).
   */
  Optional<String> credential(String name);
}
