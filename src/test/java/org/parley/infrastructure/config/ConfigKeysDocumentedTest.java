package org.parley.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README's configuration table names every key Parley reads, with its environment form. */
class ConfigKeysDocumentedTest {

  @Test
  void everyKeyIsInTheReadmeWithItsEnvironmentVariable()
      throws IOException, IllegalAccessException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> keys = keys();
    assertFalse(keys.isEmpty());

    for (String key : keys) {
      assertTrue(readme.contains("`" + key + "`"), key + " is missing from README.md");
      String env = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
      assertTrue(readme.contains("`" + env + "`"), env + " (for " + key + ") is missing");
    }
  }

  private static List<String> keys() throws IllegalAccessException {
    List<String> keys = new ArrayList<>();
    for (Field field : ConfigKeys.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType() == String.class
          && !field.getName().endsWith("_DEFAULT")) {
        String value = (String) field.get(null);
        if (value.startsWith("parley.")) {
          keys.add(value);
        }
      }
    }
    return keys;
  }
}
