package org.parley.it;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.bson.Document;
import org.bson.types.Binary;
import org.parley.infrastructure.persistence.mongodb.Keysets;

/**
 * The encryption keys of the test server, made new for each run (never kept in the repository):
 * {@code keyset.json}, which the server reads through {@code parley.encryption.keyset-file}, holds
 * an old key and, added after it, the primary, as after a rotation; {@code old-key.json} holds the
 * old key alone, to seal text as a node did before the rotation; {@code foreign-key.json} a key the
 * server does not hold.
 */
final class TestKeys {

  private TestKeys() {}

  static Path dir() {
    return Path.of(System.getProperty("parley.it.basedir", "."), "target", "it-keys");
  }

  /** Writes the three keysets, before the server starts. */
  static void write() {
    KeysetHandle old = Keysets.generate();
    KeysetHandle rotated = Keysets.add(old, true);
    try {
      Files.createDirectories(dir());
      Files.writeString(dir().resolve("old-key.json"), Keysets.json(old));
      Files.writeString(dir().resolve("keyset.json"), Keysets.json(rotated));
      Files.writeString(dir().resolve("foreign-key.json"), Keysets.json(Keysets.generate()));
    } catch (IOException e) {
      throw new UncheckedIOException("The test keys cannot be written", e);
    }
  }

  /**
   * A sealed field of a stored document, opened as the server opens it (Tink AEAD bound to {@code
   * collection/id/field}), for tests outside the server that check what was stored.
   */
  static String opened(Document document, String collection, String field) {
    Object stored = document.get(field);
    if (!(stored instanceof Binary sealed)) {
      throw new AssertionError(
          collection + "/" + document.get("_id") + "." + field + " is not sealed");
    }
    try {
      KeysetHandle keyset = Keysets.parse(Files.readString(dir().resolve("keyset.json")));
      return new String(
          keyset
              .getPrimitive(RegistryConfiguration.get(), Aead.class)
              .decrypt(
                  sealed.getData(),
                  (collection + "/" + document.get("_id") + "/" + field)
                      .getBytes(StandardCharsets.UTF_8)),
          StandardCharsets.UTF_8);
    } catch (IOException | GeneralSecurityException e) {
      throw new AssertionError("does not open: " + e, e);
    }
  }

  /** One of them, read from where the server's keyset file is (inside the server). */
  static KeysetHandle read(String name) {
    Path keyset = Path.of(System.getProperty("parley.encryption.keyset-file"));
    try {
      return Keysets.parse(Files.readString(keyset.resolveSibling(name), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
