package org.parley.interfaces.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The platforms' real payloads and known-answer signature vectors from {@code
 * ../shared/fixtures/webhooks} (beside the repository, as on CI), read as raw bytes, never
 * re-serialised.
 */
public final class WebhookFixtures {

  private static final Path DIR = Path.of("..", "shared", "fixtures", "webhooks");

  private WebhookFixtures() {}

  public static byte[] bytes(String file) {
    Path path = DIR.resolve(file);
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          path.toAbsolutePath()
              + " is missing: the shared fixtures must sit beside the repository");
    }
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The vectors of signatures.json: file, secret, header, value and (Slack) timestamp. */
  public static List<JsonObject> signatures() {
    try (var reader = Json.createReader(new StringReader(new String(bytes("signatures.json"))))) {
      return reader.readArray().stream().map(JsonValue::asJsonObject).toList();
    }
  }
}
