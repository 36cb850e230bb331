package org.parley.plugin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.parley.nlu.api.BuiltInEntities;
import org.parley.plugin.api.InvalidDescriptorException;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginDescriptor.Attribute;
import org.parley.plugin.api.PluginDescriptor.DictionaryEntry;
import org.parley.plugin.api.PluginDescriptor.EntityType;
import org.parley.plugin.api.PluginDescriptor.Intent;
import org.parley.plugin.api.PluginDescriptor.Route;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks a {@code plugin.yaml} and the training and dictionary files it names. Every
 * problem is reported with the file and the place in it, so a broken descriptor stops deployment
 * with a message that says what to fix.
 */
public final class DescriptorReader {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

  private final Function<String, InputStream> files;

  /**
   * @param files opens a file relative to the descriptor's directory; null when there is none
   */
  public DescriptorReader(Function<String, InputStream> files) {
    this.files = files;
  }

  /** Reads plugin descriptors from the class path, under {@code plugins/<name>/}. */
  public static PluginDescriptor fromClasspath(String pluginDirectory, ClassLoader loader) {
    return new DescriptorReader(file -> loader.getResourceAsStream(pluginDirectory + "/" + file))
        .read(pluginDirectory + "/plugin.yaml");
  }

  public PluginDescriptor read(String descriptorPath) {
    Map<String, Object> yaml = parse(descriptorPath);
    Context at = new Context(descriptorPath);
    String name = at.name(yaml, "name");
    List<Intent> intents = new ArrayList<>();
    Set<String> intentNames = new HashSet<>();
    for (Map<String, Object> intent : at.maps(yaml, "intents")) {
      String intentName = at.name(intent, "name");
      if (!intentNames.add(intentName)) {
        throw at.invalid("intent '" + intentName + "' is declared twice");
      }
      String training = at.string(intent, "training");
      List<String> utterances = lines(at, training);
      if (utterances.isEmpty()) {
        throw at.invalid("training file " + training + " of intent '" + intentName + "' is empty");
      }
      intents.add(new Intent(intentName, utterances));
    }
    List<EntityType> entities = new ArrayList<>();
    Set<String> entityNames = new HashSet<>();
    for (Map<String, Object> entity : at.maps(yaml, "entities")) {
      String entityName = at.name(entity, "name");
      entityNames.add(entityName);
      String dictionary = at.optionalString(entity, "dictionary");
      String pattern = at.optionalString(entity, "pattern");
      if (dictionary == null && pattern == null) {
        throw at.invalid("entity '" + entityName + "' needs a dictionary or a pattern");
      }
      if (pattern != null) {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          throw at.invalid(
              "entity '" + entityName + "' has an invalid pattern: " + e.getDescription());
        }
      }
      entities.add(
          new EntityType(
              entityName, dictionary == null ? List.of() : dictionary(at, dictionary), pattern));
    }
    List<Route> routes = new ArrayList<>();
    Set<String> actions = new HashSet<>();
    for (Map<String, Object> route : at.maps(yaml, "routes")) {
      String action = at.name(route, "action");
      if (!actions.add(action)) {
        throw at.invalid("action '" + action + "' is declared twice");
      }
      String intent = at.optionalString(route, "intent");
      if (intent != null && !intentNames.contains(intent)) {
        throw at.invalid(
            "action '" + action + "' names intent '" + intent + "', which is not declared");
      }
      List<Attribute> attributes = new ArrayList<>();
      for (Map<String, Object> attribute : at.maps(route, "attributes")) {
        String entity = at.name(attribute, "entity");
        if (!entityNames.contains(entity) && !BuiltInEntities.TYPES.contains(entity)) {
          throw at.invalid(
              "attribute of action '" + action + "' names unknown entity '" + entity + "'");
        }
        boolean required = Boolean.TRUE.equals(attribute.get("required"));
        String prompt = at.optionalString(attribute, "prompt");
        if (required && prompt == null) {
          throw at.invalid("required attribute of action '" + action + "' needs a prompt");
        }
        attributes.add(new Attribute(at.name(attribute, "name"), entity, required, prompt));
      }
      routes.add(new Route(action, intent, at.optionalString(route, "description"), attributes));
    }
    if (routes.isEmpty()) {
      throw at.invalid("a plugin needs at least one route");
    }
    List<String> credentials = new ArrayList<>();
    Object declared = yaml.get("credentials");
    if (declared instanceof List<?> list) {
      for (Object credential : list) {
        if (!(credential instanceof String text) || !NAME.matcher(text).matches()) {
          throw at.invalid("credentials must be a list of names, values are configured elsewhere");
        }
        credentials.add(text);
      }
    } else if (declared != null) {
      throw at.invalid("credentials must be a list of names");
    }
    return new PluginDescriptor(
        name,
        at.string(yaml, "version"),
        at.string(yaml, "author"),
        at.optionalString(yaml, "website"),
        routes,
        credentials,
        intents,
        entities);
  }

  private Map<String, Object> parse(String descriptorPath) {
    try (InputStream in = files.apply("plugin.yaml")) {
      if (in == null) {
        throw new InvalidDescriptorException(descriptorPath, "not found");
      }
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      if (!(loaded instanceof Map<?, ?> map)) {
        throw new InvalidDescriptorException(descriptorPath, "must be a YAML mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> yaml = (Map<String, Object>) map;
      return yaml;
    } catch (YAMLException e) {
      throw new InvalidDescriptorException(
          descriptorPath, "is not valid YAML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> lines(Context at, String file) {
    try (InputStream in = files.apply(file)) {
      if (in == null) {
        throw at.invalid("file " + file + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One entry per line: {@code value: synonym, synonym}. */
  private List<DictionaryEntry> dictionary(Context at, String file) {
    List<DictionaryEntry> entries = new ArrayList<>();
    for (String line : lines(at, file)) {
      String[] parts = line.split(":", 2);
      String value = parts[0].strip();
      if (value.isEmpty()) {
        throw at.invalid("dictionary " + file + " has a line without a value: " + line);
      }
      List<String> synonyms =
          parts.length == 1
              ? List.of()
              : List.of(parts[1].split(",")).stream()
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList();
      entries.add(new DictionaryEntry(value, synonyms));
    }
    return entries;
  }

  /** Typed access to the YAML tree that names the file in every complaint. */
  private record Context(String file) {

    InvalidDescriptorException invalid(String problem) {
      return new InvalidDescriptorException(file, problem);
    }

    String string(Map<String, Object> map, String key) {
      String value = optionalString(map, key);
      if (value == null) {
        throw invalid("'" + key + "' is required");
      }
      return value;
    }

    String optionalString(Map<String, Object> map, String key) {
      Object value = map.get(key);
      if (value == null) {
        return null;
      }
      if (!(value instanceof String) && !(value instanceof Number)) {
        throw invalid("'" + key + "' must be a text");
      }
      String text = value.toString().strip();
      return text.isEmpty() ? null : text;
    }

    String name(Map<String, Object> map, String key) {
      String value = string(map, key);
      if (!NAME.matcher(value).matches()) {
        throw invalid("'" + key + "' must be lower case letters, digits, '-' and '.': " + value);
      }
      return value;
    }

    List<Map<String, Object>> maps(Map<String, Object> map, String key) {
      Object value = map.get(key);
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        throw invalid("'" + key + "' must be a list");
      }
      List<Map<String, Object>> maps = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof Map<?, ?> entry)) {
          throw invalid("every entry of '" + key + "' must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) entry;
        maps.add(typed);
      }
      return maps;
    }
  }
}
