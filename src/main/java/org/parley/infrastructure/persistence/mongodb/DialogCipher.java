package org.parley.infrastructure.persistence.mongodb;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.Config;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Dialog text as the store keeps it: sealed with Tink's AEAD (AES-256-GCM) under the primary key of
 * the keyset in {@code parley.encryption.keyset} (or the file {@code
 * parley.encryption.keyset-file}), as BSON binary whose first five bytes are Tink's prefix: a
 * version byte and the id of the key that sealed it. Every key of the keyset opens what it sealed,
 * so a rotation (a new primary key) leaves old values readable until {@link DialogResealer}
 * rewrites them. Each value is bound to where it is stored (collection, document id and field, as
 * associated data): a ciphertext copied into another document does not open there.
 *
 * <p>With no keyset configured, text is stored as plain strings: the development default, logged at
 * start. Plain strings are read as they are in either mode, so turning encryption on needs no
 * migration first: the resealer encrypts what was stored before.
 */
@ApplicationScoped
public class DialogCipher {

  private static final Logger LOG = Logger.getLogger(DialogCipher.class.getName());

  /** Tink's prefix: the format's version byte, then the key id (4 bytes, big-endian). */
  private static final int PREFIX = 5;

  private static final byte TINK_VERSION = 1;

  @Inject Config config;

  private Aead aead;
  private int primary;
  private Set<Integer> keyIds = Set.of();
  private Set<Integer> current = Set.of();
  private final Set<Integer> unknownReported = ConcurrentHashMap.newKeySet();

  /** For CDI. */
  public DialogCipher() {}

  private DialogCipher(KeysetHandle keyset) {
    use(keyset);
  }

  /** A cipher over {@code keyset}, outside a container. */
  static DialogCipher of(KeysetHandle keyset) {
    return new DialogCipher(keyset);
  }

  /** The development default: nothing sealed. */
  static DialogCipher plain() {
    return new DialogCipher();
  }

  @PostConstruct
  void load() {
    Optional<String> keyset = configuredKeyset();
    if (keyset.isEmpty()) {
      LOG.warning(
          "No parley.encryption.keyset configured: dialog text is stored in PLAIN text. This is the"
              + " development default; set PARLEY_ENCRYPTION_KEYSET or"
              + " PARLEY_ENCRYPTION_KEYSET_FILE to encrypt it at rest (README, \"Encryption at"
              + " rest\").");
      return;
    }
    use(Keysets.parse(keyset.get()));
    LOG.log(
        Level.INFO,
        "Dialog text is encrypted at rest (Tink AES-256-GCM): primary key id {0}, {1} key(s) in"
            + " the keyset",
        new Object[] {Integer.toUnsignedString(primary), keyIds.size()});
  }

  /** At deployment: the log says at once how text is stored, and a bad keyset fails the start. */
  void startEagerly(@Observes @Initialized(ApplicationScoped.class) Object event) {
    encrypting();
  }

  private Optional<String> configuredKeyset() {
    Optional<String> inline =
        config
            .getOptionalValue(ConfigKeys.ENCRYPTION_KEYSET, String.class)
            .map(String::strip)
            .filter(value -> !value.isEmpty());
    if (inline.isPresent()) {
      return inline;
    }
    return config
        .getOptionalValue(ConfigKeys.ENCRYPTION_KEYSET_FILE, String.class)
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .map(
            file -> {
              try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new IllegalStateException(
                    ConfigKeys.ENCRYPTION_KEYSET_FILE + " " + file + " cannot be read: " + e, e);
              }
            });
  }

  private void use(KeysetHandle keyset) {
    try {
      aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The keyset holds no usable AEAD key", e);
    }
    primary = keyset.getPrimary().getId();
    Set<Integer> ids = new HashSet<>();
    Set<Integer> fromPrimary = new HashSet<>();
    for (int i = 0; i < keyset.size(); i++) {
      int id = keyset.getAt(i).getId();
      ids.add(id);
      if (id == primary || !fromPrimary.isEmpty()) {
        fromPrimary.add(id);
      }
    }
    keyIds = Set.copyOf(ids);
    current = Set.copyOf(fromPrimary);
  }

  /** Whether text is encrypted at rest. */
  public boolean encrypting() {
    return aead != null;
  }

  /**
   * What a document written now is marked with ({@link DialogDocuments#SEALED_WITH}): the primary
   * key's id, or 0 in plain mode.
   */
  int mark() {
    return encrypting() ? primary : 0;
  }

  /**
   * The marks of documents that need no rewrite: the primary key and the keys added after it. A key
   * added after the primary is one being rolled out (README, "Encryption at rest"): a node that
   * does not use it yet must not seal its values back under the old key, or two nodes would rewrite
   * each other's work.
   */
  Set<Integer> currentMarks() {
    return encrypting() ? current : Set.of(0);
  }

  /**
   * {@code text} as it is stored at {@code where} ({@code collection/id/field}): sealed binary, or
   * the text itself in plain mode.
   */
  Object seal(String text, String where) {
    if (text == null || !encrypting()) {
      return text;
    }
    try {
      return new Binary(aead.encrypt(text.getBytes(StandardCharsets.UTF_8), context(where)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Text could not be sealed for " + where, e);
    }
  }

  /**
   * The text of a stored value: a plain string as it is, sealed binary opened. A value sealed with
   * a key the keyset no longer holds, or one that does not belong at {@code where}, reads as a
   * notice saying so, and is reported once per key, never its content.
   */
  String open(Object stored, String where) {
    Integer keyId = keyOf(stored);
    if (sealed(stored) && (!encrypting() || keyId == null || !keyIds.contains(keyId))) {
      String key = keyId == null ? "?" : Integer.toUnsignedString(keyId);
      if (unknownReported.add(keyId == null ? 0 : keyId)) {
        LOG.log(
            Level.WARNING,
            "Stored text sealed with key id {0} cannot be opened: that key is not in"
                + " parley.encryption.keyset",
            key);
      }
      return "[encrypted with key " + key + ", which this node does not hold]";
    }
    try {
      return reopen(stored, where);
    } catch (GeneralSecurityException e) {
      LOG.log(Level.WARNING, "Stored text at {0} does not open: altered or moved", where);
      return "[encrypted text that does not open here]";
    }
  }

  /**
   * The text of a stored value, for rewriting it: unlike {@link #open}, never a notice.
   *
   * @throws GeneralSecurityException when it does not open with this keyset
   */
  String reopen(Object stored, String where) throws GeneralSecurityException {
    if (stored == null || stored instanceof String) {
      return (String) stored;
    }
    if (!encrypting()) {
      throw new GeneralSecurityException("sealed text, and no keyset");
    }
    return new String(aead.decrypt(bytes(stored), context(where)), StandardCharsets.UTF_8);
  }

  /** Whether a stored value is sealed (not a plain string). */
  static boolean sealed(Object stored) {
    return stored instanceof Binary || stored instanceof byte[];
  }

  /** The id of the key that sealed a stored value, or null for a plain one. */
  static Integer keyOf(Object stored) {
    if (!sealed(stored)) {
      return null;
    }
    byte[] bytes = bytes(stored);
    if (bytes.length < PREFIX || bytes[0] != TINK_VERSION) {
      return null;
    }
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }

  private static byte[] bytes(Object stored) {
    return stored instanceof Binary binary ? binary.getData() : (byte[]) stored;
  }

  private static byte[] context(String where) {
    return where.getBytes(StandardCharsets.UTF_8);
  }
}
