package org.parley.plugin.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.parley.nlu.api.TrainingSet;
import org.parley.plugin.api.InvalidDescriptorException;
import org.parley.plugin.api.Plugin;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginDescriptor.Route;
import org.parley.plugin.remote.RemotePlugins;

/**
 * The enabled plugins, found as CDI beans, each connected once at deployment with its credentials.
 * A broken descriptor, or two plugins with one name or one intent, stops the deployment with a
 * message naming the file.
 */
@ApplicationScoped
public class PluginRegistry {

  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

  @Inject @Any Instance<Plugin> candidates;
  @Inject RemotePlugins remotes;
  @Inject Config config;

  private final Map<String, Plugin> enabled = new TreeMap<>();

  /** Enabled plugins an admin closed: kept registered (their intents stay known), not triggered. */
  private final Set<String> closed = ConcurrentHashMap.newKeySet();

  private TrainingSet training;

  @PostConstruct
  void connect() {
    List<Plugin> all = new ArrayList<>();
    candidates.forEach(all::add);
    all.addAll(remotes.declared());
    for (Plugin plugin : all) {
      PluginDescriptor descriptor = plugin.descriptor();
      String name = descriptor.name();
      boolean on =
          config
              .getOptionalValue("parley.plugins." + name + ".enabled", Boolean.class)
              .orElse(true);
      if (!on) {
        LOG.log(Level.INFO, "Plugin {0} is disabled by configuration", name);
        continue;
      }
      if (enabled.containsKey(name)) {
        throw new InvalidDescriptorException(
            "plugins/" + name + "/plugin.yaml", "two plugins are named " + name);
      }
      plugin.connect(new ConfigPluginContext(config, descriptor));
      enabled.put(name, plugin);
      LOG.log(Level.INFO, "Plugin {0} {1} connected", new Object[] {name, descriptor.version()});
    }
    training = TrainingSets.of(descriptors());
  }

  @PreDestroy
  void close() {
    enabled.values().stream()
        .filter(p -> !closed.contains(p.descriptor().name()))
        .forEach(Plugin::close);
  }

  /** False after an admin closed the plugin, until it is connected again. */
  public boolean connected(String name) {
    return enabled.containsKey(name) && !closed.contains(name);
  }

  /** Connects a closed plugin again (a no-op when it is connected); false if there is none. */
  public synchronized boolean connect(String name) {
    Plugin plugin = enabled.get(name);
    if (plugin == null) {
      return false;
    }
    if (closed.contains(name)) {
      plugin.connect(new ConfigPluginContext(config, plugin.descriptor()));
      closed.remove(name);
      LOG.log(Level.INFO, "Plugin {0} connected again", name);
    }
    return true;
  }

  /**
   * Closes a plugin (a no-op when it is closed): it releases what it holds and is not triggered
   * until connected again. False if there is no such plugin.
   */
  public synchronized boolean close(String name) {
    Plugin plugin = enabled.get(name);
    if (plugin == null) {
      return false;
    }
    if (closed.add(name)) {
      plugin.close();
      LOG.log(Level.INFO, "Plugin {0} closed", name);
    }
    return true;
  }

  public List<Plugin> plugins() {
    return List.copyOf(enabled.values());
  }

  public List<PluginDescriptor> descriptors() {
    return enabled.values().stream().map(Plugin::descriptor).toList();
  }

  public Optional<Plugin> plugin(String name) {
    return Optional.ofNullable(enabled.get(name));
  }

  /** What the NLU learns from: the enabled plugins' intents and entities. */
  public TrainingSet trainingSet() {
    return training;
  }

  /** The plugin and route an intent triggers, if an enabled plugin declares it. */
  public Optional<Routed> routeFor(String intent) {
    List<Routed> routes = new ArrayList<>();
    for (Plugin plugin : enabled.values()) {
      plugin.descriptor().routes().stream()
          .filter(route -> intent.equals(route.intent()))
          .forEach(route -> routes.add(new Routed(plugin, route)));
    }
    return routes.stream().findFirst();
  }

  /** A route of an enabled plugin. */
  public record Routed(Plugin plugin, Route route) {}
}
