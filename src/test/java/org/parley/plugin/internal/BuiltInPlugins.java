package org.parley.plugin.internal;

import java.util.List;
import org.parley.plugin.api.PluginDescriptor;

/** The descriptors Parley ships, read from the class path as the server reads them. */
public final class BuiltInPlugins {

  public static final List<String> NAMES = List.of("smalltalk", "quotes", "jenkins");

  private BuiltInPlugins() {}

  public static List<PluginDescriptor> descriptors() {
    return NAMES.stream()
        .map(
            name ->
                DescriptorReader.fromClasspath(
                    "plugins/" + name, BuiltInPlugins.class.getClassLoader()))
        .toList();
  }
}
