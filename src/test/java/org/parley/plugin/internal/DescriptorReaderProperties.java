package org.parley.plugin.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parley.plugin.api.InvalidDescriptorException;
import org.parley.testing.JsonMutations;

/**
 * The plugin descriptor reader on hostile descriptors: a valid one (written as JSON, which YAML
 * reads too) with one node replaced or removed, its YAML lines dropped, repeated or damaged, and
 * YAML's own weapons (aliases, tags, deep nesting). It returns a descriptor or throws {@link
 * InvalidDescriptorException}, never anything else.
 */
class DescriptorReaderProperties {

  private static final String VALID_JSON =
      "{\"name\":\"demo\",\"version\":\"1.2.0\",\"author\":\"Someone\","
          + "\"website\":\"https://example.org\",\"credentials\":[\"demo.token\"],"
          + "\"routes\":[{\"action\":\"order\",\"intent\":\"demo.order\",\"attributes\":["
          + "{\"name\":\"item\",\"entity\":\"item\",\"required\":true,\"prompt\":\"What?\"},"
          + "{\"name\":\"when\",\"entity\":\"date\"}]}],"
          + "\"intents\":[{\"name\":\"demo.order\",\"training\":\"intents/order.txt\"}],"
          + "\"entities\":[{\"name\":\"item\",\"dictionary\":\"entities/items.txt\"},"
          + "{\"name\":\"code\",\"pattern\":\"[A-Z]{3}\"}]}";

  private static final String VALID_YAML =
      """
      name: demo
      version: 1.2.0
      author: Someone
      credentials: [demo.token]
      routes:
        - action: order
          intent: demo.order
          attributes:
            - name: item
              entity: item
              required: true
              prompt: What would you like?
      intents:
        - name: demo.order
          training: intents/order.txt
      entities:
        - name: item
          dictionary: entities/items.txt
      """;

  private static final List<String> HOSTILE_LINES =
      List.of(
          "a: &a [*a, *a]",
          "b: &b [*a, *a, *a, *a]",
          "name: !!java.lang.Runtime {}",
          "routes: !!binary AAAA",
          "  - ",
          "\t- x",
          "intents: " + "[".repeat(200) + "]".repeat(200),
          "entities: [{name: e, pattern: '(unclosed'}]",
          "credentials: [{a: 1}]",
          "version: [1, 2]",
          "? complex key",
          "%YAML 9.9",
          "---",
          "...",
          "\u0000");

  @Property(tries = 1500)
  void aMutatedDescriptorIsReadOrRefused(@ForAll("descriptors") byte[] descriptor) {
    DescriptorReader reader = new DescriptorReader(files(descriptor));
    try {
      reader.read("demo/plugin.yaml");
    } catch (InvalidDescriptorException refused) {
      // the declared refusal: the plugin is not registered, deployment says why
    }
  }

  @Property(tries = 300)
  void arbitraryBytesAreReadOrRefused(@ForAll byte[] descriptor) {
    DescriptorReader reader = new DescriptorReader(files(descriptor));
    try {
      reader.read("demo/plugin.yaml");
    } catch (InvalidDescriptorException refused) {
      // refused
    }
  }

  @Provide
  Arbitrary<byte[]> descriptors() {
    byte[] json = VALID_JSON.getBytes(StandardCharsets.UTF_8);
    return Arbitraries.oneOf(
        JsonMutations.structural(json), JsonMutations.bytewise(json), damagedYamlLines());
  }

  private static Arbitrary<byte[]> damagedYamlLines() {
    List<String> lines = VALID_YAML.lines().toList();
    return Combinators.combine(
            Arbitraries.integers().between(0, lines.size() - 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(HOSTILE_LINES))
        .as(
            (at, how, hostile) -> {
              List<String> copy = new ArrayList<>(lines);
              switch (how) {
                case 0 -> copy.remove((int) at);
                case 1 -> copy.add(at, copy.get(at));
                case 2 -> copy.set(at, hostile);
                default -> copy.add(at, hostile);
              }
              return String.join("\n", copy).getBytes(StandardCharsets.UTF_8);
            });
  }

  private static java.util.function.Function<String, java.io.InputStream> files(byte[] yaml) {
    Map<String, byte[]> files =
        Map.of(
            "plugin.yaml", yaml,
            "intents/order.txt", "order a pizza\ni want a pizza\n".getBytes(StandardCharsets.UTF_8),
            "entities/items.txt",
                "pizza: pizzas, margherita\npasta\n".getBytes(StandardCharsets.UTF_8));
    return name -> files.containsKey(name) ? new ByteArrayInputStream(files.get(name)) : null;
  }
}
