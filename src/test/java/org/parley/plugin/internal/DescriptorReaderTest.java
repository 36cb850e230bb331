package org.parley.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.plugin.api.InvalidDescriptorException;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginDescriptor.Attribute;

class DescriptorReaderTest {

  private static final String VALID =
      """
      name: demo
      version: 1.2.0
      author: Someone
      website: https://example.org
      credentials: [demo.token]
      routes:
        - action: order
          intent: demo.order
          attributes:
            - name: item
              entity: item
              required: true
              prompt: What would you like?
            - name: when
              entity: date
      intents:
        - name: demo.order
          training: intents/order.txt
      entities:
        - name: item
          dictionary: entities/items.txt
      """;

  @Test
  void aValidDescriptorIsReadWithItsTrainingAndDictionaryFiles() {
    PluginDescriptor descriptor = read(VALID, files());

    assertEquals("demo", descriptor.name());
    assertEquals("1.2.0", descriptor.version());
    assertEquals("Someone", descriptor.author());
    assertEquals("https://example.org", descriptor.website());
    assertEquals(List.of("demo.token"), descriptor.credentials());
    assertEquals(
        List.of("order a pizza", "i want a pizza"), descriptor.intents().get(0).utterances());
    var route = descriptor.route("order").orElseThrow();
    assertEquals("demo.order", route.intent());
    assertEquals(
        List.of(
            new Attribute("item", "item", true, "What would you like?"),
            new Attribute("when", "date", false, null)),
        route.attributes());
    var dictionary = descriptor.entities().get(0).dictionary();
    assertEquals("pizza", dictionary.get(0).value());
    assertEquals(List.of("pizzas", "margherita"), dictionary.get(0).synonyms());
    assertEquals(List.of(), dictionary.get(1).synonyms());
    assertNull(descriptor.entities().get(0).pattern());
  }

  @Test
  void theShippedDescriptorsAreValid() {
    List<PluginDescriptor> plugins = BuiltInPlugins.descriptors();

    assertEquals(BuiltInPlugins.NAMES, plugins.stream().map(PluginDescriptor::name).toList());
    assertTrue(plugins.stream().allMatch(p -> !p.intents().isEmpty()));
    assertEquals(
        List.of("jenkins.url", "jenkins.user", "jenkins.api-token"), plugins.get(2).credentials());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing name          | 'name: demo'                     | 'name: '                       | 'name' is required
          upper-case name       | 'name: demo'                     | 'name: Demo'                   | 'name' must be lower case
          unknown intent        | 'intent: demo.order'             | 'intent: demo.other'           | names intent 'demo.other', which is not declared
          unknown entity        | 'entity: item'                   | 'entity: colour'               | unknown entity 'colour'
          prompt missing        | '      prompt: What would you like?' | ''                         | needs a prompt
          missing training file | 'training: intents/order.txt'    | 'training: intents/none.txt'   | file intents/none.txt not found
          credential value      | 'credentials: [demo.token]'      | 'credentials: [{demo.token: s3cret}]' | credentials must be a list of names
          bad pattern           | 'dictionary: entities/items.txt' | 'pattern: ''[a-'''             | invalid pattern
          not yaml              | 'routes:'                        | 'routes: ['                    | is not valid YAML
          """)
  void aBrokenDescriptorIsRefusedNamingTheFileAndTheProblem(
      String label, String from, String to, String expected) {
    String broken = VALID.replace(from, to);

    InvalidDescriptorException e =
        assertThrows(InvalidDescriptorException.class, () -> read(broken, files()), label);

    assertTrue(e.getMessage().startsWith("plugins/demo/plugin.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void anEmptyTrainingFileIsRefused() {
    Map<String, String> files = files();
    files.put("intents/order.txt", "# only a comment\n\n");

    InvalidDescriptorException e =
        assertThrows(InvalidDescriptorException.class, () -> read(VALID, files));

    assertTrue(e.getMessage().contains("intents/order.txt of intent 'demo.order' is empty"));
  }

  private static Map<String, String> files() {
    Map<String, String> files = new HashMap<>();
    files.put("intents/order.txt", "# training\norder a pizza\n\n  i want a pizza  \n");
    files.put("entities/items.txt", "pizza: pizzas, margherita\npasta\n");
    return files;
  }

  private static PluginDescriptor read(String yaml, Map<String, String> files) {
    Map<String, String> all = new HashMap<>(files);
    all.put("plugin.yaml", yaml);
    return new DescriptorReader(
            file ->
                all.containsKey(file)
                    ? new ByteArrayInputStream(all.get(file).getBytes(StandardCharsets.UTF_8))
                    : null)
        .read("plugins/demo/plugin.yaml");
  }
}
