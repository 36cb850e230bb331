package org.parley.plugin.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 *
 * <p>An admin's close or connect holds on every node: it is recorded in the store ({@link
 * PluginSwitches}, read again by every node that starts) and announced to the running nodes ({@link
 * PluginChanges}), each of which applies it to its own registry.
 */
@ApplicationScoped
public class PluginRegistry {

  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

  @Inject @Any Instance<Plugin> candidates;
  @Inject RemotePlugins remotes;
  @Inject Config config;
  @Inject PluginSwitches switches;
  @Inject PluginChanges changes;

  private final Map<String, Plugin> enabled = new TreeMap<>();

  /** Enabled plugins an admin closed: kept registered (their intents stay known), not triggered. */
  private final Set<String> closed = ConcurrentHashMap.newKeySet();

  private TrainingSet training;

  @PostConstruct
  void connect() {
    List<Plugin> all = new ArrayList<>();
    candidates.forEach(all::add);
    all.addAll(remotes.declared());
    Set<String> closedByAdmins = switches.closed();
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
      enabled.put(name, plugin);
      if (closedByAdmins.contains(name)) {
        closed.add(name);
        LOG.log(Level.INFO, "Plugin {0} stays closed: an admin closed it", name);
        continue;
      }
      plugin.connect(new ConfigPluginContext(config, descriptor));
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

  /**
   * Connects a closed plugin again on every node (a no-op where it is connected); false if there is
   * none.
   */
  public boolean connect(String name) {
    return change(name, true);
  }

  /**
   * Closes a plugin on every node (a no-op where it is closed): it releases what it holds and is
   * not triggered until connected again. False if there is no such plugin.
   */
  public boolean close(String name) {
    return change(name, false);
  }

  private boolean change(String name, boolean connect) {
    if (!enabled.containsKey(name)) {
      return false;
    }
    switches.record(name, connect);
    apply(name, connect); // here at once, so the admin sees it; the others when they hear it
    changes.announce(new PluginChanged(name, connect));
    return true;
  }

  /** Another node's change (or this node's own, heard back: then a no-op). */
  void changed(@Observes PluginChanged change) {
    if (enabled.containsKey(change.plugin())) {
      apply(change.plugin(), change.connected());
    }
  }

  private synchronized void apply(String name, boolean connect) {
    Plugin plugin = enabled.get(name);
    if (connect && closed.contains(name)) {
      plugin.connect(new ConfigPluginContext(config, plugin.descriptor()));
      closed.remove(name);
      LOG.log(Level.INFO, "Plugin {0} connected again", name);
    } else if (!connect && closed.add(name)) {
      plugin.close();
      LOG.log(Level.INFO, "Plugin {0} closed", name);
    }
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
