package org.parley.plugin.builtin;

import java.util.List;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.Plugin;
import org.parley.plugin.api.PluginContext;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginHealth;
import org.parley.plugin.api.Reply;
import org.parley.plugin.api.UnknownActionException;
import org.parley.plugin.internal.DescriptorReader;

/**
 * A plugin whose descriptor ships on the class path under {@code plugins/<name>/plugin.yaml}, read
 * once; checks that an action is one of its routes before handing it to {@link #handle}.
 */
public abstract class ClasspathPlugin implements Plugin {

  private volatile PluginDescriptor descriptor;

  /** The directory name under {@code plugins/} on the class path. */
  protected abstract String name();

  /** Runs an action the descriptor declares. */
  protected abstract List<Reply> handle(Action action);

  @Override
  public PluginDescriptor descriptor() {
    PluginDescriptor read = descriptor;
    if (read == null) {
      read = DescriptorReader.fromClasspath("plugins/" + name(), getClass().getClassLoader());
      descriptor = read;
    }
    return read;
  }

  @Override
  public void connect(PluginContext context) {}

  @Override
  public void close() {}

  @Override
  public PluginHealth health() {
    return PluginHealth.success("no remote service to check");
  }

  @Override
  public List<Reply> trigger(Action action) {
    if (descriptor().route(action.name()).isEmpty()) {
      throw new UnknownActionException(descriptor().name(), action.name());
    }
    return handle(action);
  }
}
