package org.parley.plugin.internal;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.parley.plugin.api.PluginContext;
import org.parley.plugin.api.PluginDescriptor;

/**
 * Credentials from MicroProfile Config: the descriptor's credential {@code jenkins.api-token} is
 * the key {@code parley.plugins.jenkins.api-token} (environment: {@code
 * PARLEY_PLUGINS_JENKINS_API_TOKEN}). A plugin may ask only for the credentials it declares.
 */
final class ConfigPluginContext implements PluginContext {

  private final Config config;
  private final PluginDescriptor descriptor;

  ConfigPluginContext(Config config, PluginDescriptor descriptor) {
    this.config = config;
    this.descriptor = descriptor;
  }

  @Override
  public Optional<String> credential(String name) {
    if (!descriptor.credentials().contains(name)) {
      throw new IllegalArgumentException(
          "Plugin " + descriptor.name() + " does not declare the credential " + name);
    }
    return config.getOptionalValue("parley.plugins." + name, String.class);
  }
}
