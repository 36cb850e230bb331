package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.crypto.tink.KeysetHandle;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.domain.model.dialog.TurnStore.EntityRecord;

/** The re-encryption after a rotation, on the embedded store through the real driver. */
class DialogResealerTest {

  @TempDir Path dir;

  private EmbeddedStoreFixture fixture;
  private MongoDatabase database;

  @BeforeEach
  void start() {
    fixture = EmbeddedStoreFixture.bare(dir);
    database = fixture.database;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void everyKindOfSealedTextMovesToTheNewKeyAndReadsTheSame() {
    KeysetHandle old = Keysets.generate();
    DialogCipher before = DialogCipher.of(old);
    write(before, "d/1", "under the old key");
    write(DialogCipher.plain(), "d/2", "stored before encryption");
    database
        .getCollection(DialogDocuments.MESSAGES)
        .updateOne(eq("_id", "d/2"), new Document("$unset", new Document("sealedWith", "")));
    database
        .getCollection(DialogDocuments.WEBCHAT_REPLIES)
        .insertOne(
            new Document("_id", "r1")
                .append("reply", before.seal("{\"text\":\"hi\"}", "webchat_replies/r1/reply"))
                .append("sealedWith", before.mark()));
    database
        .getCollection(DialogDocuments.PENDING_ACTIONS)
        .insertOne(
            new Document("_id", "d")
                .append(
                    "attributes",
                    DialogDocuments.sealedAttributes("d", new Document("phrase", "secret"), before))
                .append("sealedWith", before.mark()));

    KeysetHandle rotated = Keysets.add(old, true);
    DialogCipher after = DialogCipher.of(rotated);
    DialogResealer.Resealed run = resealer(after, 1).resealAll(); // batches of one
    assertEquals(
        Map.of(
            DialogDocuments.MESSAGES, 2L,
            DialogDocuments.PENDING_ACTIONS, 1L,
            DialogDocuments.WEBCHAT_REPLIES, 1L),
        run.rewritten());
    assertEquals(0, run.unopenable());

    int primary = rotated.getPrimary().getId();
    for (String id : List.of("d/1", "d/2")) {
      Document message =
          database.getCollection(DialogDocuments.MESSAGES).find(eq("_id", id)).first();
      assertEquals(primary, message.getInteger("sealedWith"));
      assertEquals(primary, DialogCipher.keyOf(message.get("text")));
      Document entity = message.getList("entities", Document.class).get(0);
      assertEquals(primary, DialogCipher.keyOf(entity.get("value")));
      assertEquals(
          List.of("email", "a@b.org", "a@b.org"),
          List.of(DialogDocuments.openedEntities(message, after).get(0)));
    }
    assertEquals(
        "under the old key",
        DialogDocuments.opened(
            database.getCollection(DialogDocuments.MESSAGES).find(eq("_id", "d/1")).first(),
            DialogDocuments.MESSAGES,
            "text",
            after));
    assertEquals(
        "stored before encryption",
        DialogDocuments.opened(
            database.getCollection(DialogDocuments.MESSAGES).find(eq("_id", "d/2")).first(),
            DialogDocuments.MESSAGES,
            "text",
            after));
    Document pending = database.getCollection(DialogDocuments.PENDING_ACTIONS).find().first();
    assertInstanceOf(Binary.class, pending.get("attributes"));
    assertEquals(primary, DialogCipher.keyOf(pending.get("attributes")));
    assertEquals("secret", DialogDocuments.openedAttributes(pending, after).getString("phrase"));
    assertEquals(
        "{\"text\":\"hi\"}",
        DialogDocuments.opened(
            database.getCollection(DialogDocuments.WEBCHAT_REPLIES).find().first(),
            DialogDocuments.WEBCHAT_REPLIES,
            "reply",
            after));

    assertEquals(0, resealer(after, 1).resealAll().total(), "nothing left to move");
  }

  @Test
  void textThisKeysetCannotOpenIsLeftAsItIsAndCounted() {
    DialogCipher foreign = DialogCipher.of(Keysets.generate());
    write(foreign, "d/1", "not ours");
    Object sealed = database.getCollection(DialogDocuments.MESSAGES).find().first().get("text");
    DialogResealer.Resealed run = resealer(DialogCipher.of(Keysets.generate()), 10).resealAll();
    assertEquals(0, run.total());
    assertEquals(1, run.unopenable());
    assertEquals(
        sealed, database.getCollection(DialogDocuments.MESSAGES).find().first().get("text"));
  }

  @Test
  void inPlainModeItRewritesNothing() {
    write(DialogCipher.of(Keysets.generate()), "d/1", "sealed");
    assertEquals(0, resealer(DialogCipher.plain(), 10).resealAll().total());
  }

  private void write(DialogCipher cipher, String id, String text) {
    database
        .getCollection(DialogDocuments.MESSAGES)
        .insertOne(
            new Document("_id", id)
                .append("text", cipher.seal(text, DialogDocuments.where("messages", id, "text")))
                .append(
                    "entities",
                    DialogDocuments.entities(
                        id, List.of(new EntityRecord("email", "a@b.org", "a@b.org")), cipher))
                .append("sealedWith", cipher.mark()));
  }

  private DialogResealer resealer(DialogCipher cipher, int batch) {
    DialogResealer resealer = new DialogResealer();
    resealer.cipher = cipher;
    resealer.batch = batch;
    resealer.store = fixture.documents;
    return resealer;
  }
}
