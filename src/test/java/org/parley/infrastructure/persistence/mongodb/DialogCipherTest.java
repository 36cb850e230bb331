package org.parley.infrastructure.persistence.mongodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Set;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

/** Sealing and opening dialog text, rotation included, with Tink's real AEAD. */
class DialogCipherTest {

  private static final String WHERE = "messages/t:1/text";

  @Test
  void plainModeStoresTheTextItselfAndMarksNothing() {
    DialogCipher plain = DialogCipher.plain();
    assertFalse(plain.encrypting());
    assertEquals("hello", plain.seal("hello", WHERE));
    assertEquals("hello", plain.open("hello", WHERE));
    assertEquals(0, plain.mark());
    assertEquals(Set.of(0), plain.currentMarks());
    assertNull(plain.seal(null, WHERE));
  }

  @Test
  void sealedTextHoldsNoPlainTextNamesItsKeyAndOpensOnlyWhereItWasStored() {
    KeysetHandle keyset = Keysets.generate();
    DialogCipher cipher = DialogCipher.of(keyset);
    Object sealed = cipher.seal("my parcel number is 4711", WHERE);
    Binary binary = assertInstanceOf(Binary.class, sealed);
    assertFalse(
        new String(binary.getData(), StandardCharsets.ISO_8859_1).contains("parcel"),
        "no plain text");
    assertEquals(keyset.getPrimary().getId(), DialogCipher.keyOf(sealed));
    assertEquals(keyset.getPrimary().getId(), cipher.mark());
    assertEquals("my parcel number is 4711", cipher.open(sealed, WHERE));
    assertFalse(
        Arrays.equals(
            ((Binary) cipher.seal("same", WHERE)).getData(),
            ((Binary) cipher.seal("same", WHERE)).getData()),
        "a fresh nonce each time");
    assertEquals(
        "[encrypted text that does not open here]",
        cipher.open(sealed, "messages/t:2/text"),
        "moved into another document, it does not open");
    assertEquals("plain before", cipher.open("plain before", WHERE), "plain text still reads");
  }

  @Test
  void afterARotationOldTextStillOpensAndNewTextIsSealedWithTheNewKey() throws Exception {
    KeysetHandle old = Keysets.generate();
    Object before = DialogCipher.of(old).seal("before", WHERE);
    KeysetHandle rotated = Keysets.add(old, true);
    DialogCipher cipher = DialogCipher.of(rotated);
    assertNotEquals(old.getPrimary().getId(), rotated.getPrimary().getId());
    assertEquals("before", cipher.open(before, WHERE));
    assertEquals(rotated.getPrimary().getId(), DialogCipher.keyOf(cipher.seal("after", WHERE)));
    assertEquals(Set.of(rotated.getPrimary().getId()), cipher.currentMarks());

    DialogCipher stranger = DialogCipher.of(Keysets.generate());
    assertTrue(stranger.open(before, WHERE).startsWith("[encrypted with key "), "a notice");
    assertThrows(GeneralSecurityException.class, () -> stranger.reopen(before, WHERE));
    assertThrows(GeneralSecurityException.class, () -> DialogCipher.plain().reopen(before, WHERE));
  }

  @Test
  void aKeyBeingRolledOutIsNotSealedBackByANodeThatDoesNotUseItYet() {
    KeysetHandle old = Keysets.generate();
    KeysetHandle added = Keysets.add(old, false); // step 1 on every node: the new key beside
    int next = added.getAt(1).getId();
    assertEquals(old.getPrimary().getId(), added.getPrimary().getId(), "not primary yet");
    assertEquals(Set.of(old.getPrimary().getId(), next), DialogCipher.of(added).currentMarks());
    KeysetHandle promoted = Keysets.promote(added, next); // step 2
    assertEquals(next, promoted.getPrimary().getId());
    assertEquals(Set.of(next), DialogCipher.of(promoted).currentMarks());
    assertEquals(
        "x", DialogCipher.of(promoted).open(DialogCipher.of(added).seal("x", WHERE), WHERE));
  }

  @Test
  void aKeysetIsReadBackFromItsJsonAndAnythingElseIsRefusedWithoutEchoingIt() {
    KeysetHandle keyset = Keysets.generate();
    assertEquals(
        keyset.getPrimary().getId(), Keysets.parse(Keysets.json(keyset)).getPrimary().getId());
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> Keysets.parse("{\"secret\": 42}"));
    assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
  }
}
