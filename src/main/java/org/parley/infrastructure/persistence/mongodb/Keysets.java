package org.parley.infrastructure.persistence.mongodb;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The keysets that encrypt dialog text: Tink's JSON keyset format, AES-256-GCM keys, each with the
 * id that every value sealed with it carries. Also the operators' command for them (README,
 * "Encryption at rest"): {@code new} prints a keyset with one key, {@code rotate FILE} prints
 * FILE's keyset with a new primary key added and the old keys kept, so that what they sealed still
 * opens.
 */
public final class Keysets {

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink's AEAD cannot be registered", e);
    }
  }

  private Keysets() {}

  /** A keyset with one new AES-256-GCM key. */
  public static KeysetHandle generate() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No AES-256-GCM key could be generated", e);
    }
  }

  /**
   * The keyset with a new AES-256-GCM key added, the primary if {@code primary}, else enabled
   * beside it: every node then opens what the new key seals before any node seals with it.
   */
  public static KeysetHandle add(KeysetHandle keyset, boolean primary) {
    try {
      KeysetHandle.Builder.Entry entry =
          KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
              .withRandomId();
      return KeysetHandle.newBuilder(keyset)
          .addEntry(primary ? entry.makePrimary() : entry)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No key could be added to the keyset", e);
    }
  }

  /** The keyset with the key {@code keyId} as its primary. */
  public static KeysetHandle promote(KeysetHandle keyset, int keyId) {
    try {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
      for (int i = 0; i < keyset.size(); i++) { // the builder keeps the keyset's order
        if (keyset.getAt(i).getId() == keyId) {
          builder.getAt(i).makePrimary();
          return builder.build();
        }
      }
      throw new IllegalArgumentException("no key " + Integer.toUnsignedString(keyId) + " in it");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The keyset cannot be rebuilt", e);
    }
  }

  /**
   * Reads a keyset from its JSON.
   *
   * @throws IllegalArgumentException naming what is wrong, never the key material
   */
  public static KeysetHandle parse(String json) {
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException(
          "not a Tink JSON keyset (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The keyset as JSON, secret material included: for a secret store, never for a log. */
  public static String json(KeysetHandle keyset) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The keyset cannot be written", e);
    }
  }

  /**
   * {@code new}, {@code rotate FILE}, {@code add FILE} or {@code promote FILE KEY_ID}; the keyset
   * goes to standard output, the ids to standard error.
   *
   * @param args the command
   */
  public static void main(String[] args) throws IOException {
    KeysetHandle result;
    if (args.length == 1 && args[0].equals("new")) {
      result = generate();
    } else if (args.length == 2 && args[0].equals("rotate")) {
      result = add(read(args[1]), true);
    } else if (args.length == 2 && args[0].equals("add")) {
      result = add(read(args[1]), false);
    } else if (args.length == 3 && args[0].equals("promote")) {
      result = promote(read(args[1]), Integer.parseUnsignedInt(args[2]));
    } else {
      System.err.println(
          "usage: Keysets new | rotate KEYSET_FILE | add KEYSET_FILE | promote KEYSET_FILE KEY_ID");
      System.exit(2);
      return;
    }
    System.out.println(json(result));
    for (int i = 0; i < result.size(); i++) {
      System.err.println(
          "key "
              + Integer.toUnsignedString(result.getAt(i).getId())
              + (result.getAt(i).isPrimary() ? " (primary)" : ""));
    }
  }

  private static KeysetHandle read(String file) throws IOException {
    return parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
  }
}
