package org.parley.plugin.remote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.parley.plugin.api.InvalidDescriptorException;
import org.parley.plugin.api.Plugin;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.internal.DescriptorReader;

/**
 * The remote plugins configuration declares: {@code parley.plugins.remote.names=a,b}, and for each
 * {@code parley.plugins.remote.<name>.url}, {@code .secret} (from the environment or a secret
 * store) and {@code .descriptor} (a directory holding its {@code plugin.yaml} and training files).
 */
@ApplicationScoped
public class RemotePlugins {

  @Inject Config config;
  @Inject RemotePluginCaller caller;

  public List<Plugin> declared() {
    List<Plugin> plugins = new ArrayList<>();
    List<String> names =
        config.getOptionalValues("parley.plugins.remote.names", String.class).orElse(List.of());
    for (String name : names) {
      String prefix = "parley.plugins.remote." + name.strip() + ".";
      Path directory = Path.of(config.getValue(prefix + "descriptor", String.class));
      PluginDescriptor descriptor =
          new DescriptorReader(file -> open(directory.resolve(file)))
              .read(directory.resolve("plugin.yaml").toString());
      if (!descriptor.name().equals(name.strip())) {
        throw new InvalidDescriptorException(
            directory.resolve("plugin.yaml").toString(),
            "declares plugin " + descriptor.name() + " but is configured as " + name);
      }
      plugins.add(
          new RemotePlugin(
              descriptor,
              URI.create(config.getValue(prefix + "url", String.class)),
              config.getValue(prefix + "secret", String.class),
              caller));
    }
    return plugins;
  }

  private static InputStream open(Path file) {
    try {
      return Files.exists(file) ? Files.newInputStream(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
