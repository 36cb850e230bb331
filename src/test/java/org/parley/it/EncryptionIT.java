package org.parley.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.ConversationService;
import org.parley.application.DialogService;
import org.parley.application.WebChatReplies;
import org.parley.domain.model.dialog.ConversationQueries;
import org.parley.domain.model.dialog.ConversationQueries.Line;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.Transcript;
import org.parley.infrastructure.persistence.mongodb.DialogResealer;
import org.parley.infrastructure.persistence.mongodb.MongoDocumentStore;

/**
 * Runs inside the WAR, whose server encrypts dialog text with the run's test keys ({@link
 * TestKeys}): the raw collections hold none of a conversation's text, every value names its key,
 * the DataAPI, the console and the web chat read plain text, a rotation leaves old values readable
 * and the resealer moves them (and text stored before encryption) to the new key. The test store is
 * the separate mongo-java-server process all ITs share; each case has its own customer and texts.
 */
@ExtendWith(ArquillianExtension.class)
class EncryptionIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war()
        .addClasses(
            EncryptionIT.class,
            TestEnvironment.class,
            Await.class,
            WebChatMessages.class,
            TestKeys.class,
            StoreSearch.class);
  }

  @Inject ConversationService conversations;
  @Inject DialogService dialogs;
  @Inject WebChatReplies replies;
  @Inject ConversationQueries queries;
  @Inject MongoDocumentStore store;
  @Inject DialogResealer resealer;

  @Test
  void noTextOfAConversationIsStoredInPlainAndEveryReaderGetsItBack() throws Exception {
    String user = UUID.randomUUID().toString();
    String secret = "parcel" + UUID.randomUUID().toString().replace("-", "");
    String email = secret + "@example.org";
    conversations.handle(
        WebChatMessages.text(user, "m1", "hello, my " + secret + " is " + email), Instant.now());
    WebChatReplies.Delivered reply = awaitReplyTo(user, "m1");
    String customer = "webchat-" + user;
    String dialogId = dialogOf(customer);
    String dataApiText = "kept " + secret;
    dialogs.record(customer, dialogId, dataApiText, "en", null);
    dialogs.consent(dialogId, true);

    // the raw store: not the texts, not the reply, anywhere
    assertEquals(
        List.of(), StoreSearch.documentsHolding(db(), secret), "no plain text in any collection");
    assertEquals(
        List.of(), StoreSearch.documentsHolding(db(), reply.reply().text()), "nor the bot's reply");
    int primary = TestKeys.read("keyset.json").getPrimary().getId();
    List<Document> stored =
        db().getCollection("messages").find(eq("dialogId", dialogId)).into(new ArrayList<>());
    assertTrue(stored.size() >= 3, "the message, a reply, the DataAPI's message: " + stored);
    for (Document message : stored) {
      assertEquals(primary, message.getInteger("sealedWith"), "marked with its key");
      assertInstanceOf(Binary.class, message.get("text"), "sealed: " + message.get("_id"));
      assertEquals(primary, keyOf(message.get("text")), "the value names its key");
    }
    Document copy =
        db().getCollection("webchat_replies").find(eq("_id", reply.reply().replyId())).first();
    assertEquals(primary, keyOf(copy.get("reply")), "the web chat's copy is sealed too");
    Document turn =
        db().getCollection("messages").find(eq("_id", "webchat:" + user + "-m1")).first();
    List<Document> entities = turn.getList("entities", Document.class);
    assertFalse(entities.isEmpty(), "the email was found: " + turn.toJson());
    for (Document entity : entities) {
      assertInstanceOf(Binary.class, entity.get("value"));
      assertInstanceOf(Binary.class, entity.get("text"));
    }

    // every reader: plain text
    assertEquals(
        reply.reply().text(), awaitReplyTo(user, "m1").reply().text(), "the web chat reads it");
    Transcript transcript = dialogs.consented(customer, dialogId).orElseThrow();
    assertEquals(
        List.of("hello, my " + secret + " is " + email, dataApiText),
        transcript.messages().stream()
            .filter(m -> m.direction() == Message.Direction.INBOUND)
            .map(Message::text)
            .toList(),
        "the DataAPI reads them");
    List<Line> lines = queries.conversation(dialogId).orElseThrow().lines();
    assertEquals("hello, my " + secret + " is " + email, lines.get(0).text(), "the console");
    assertTrue(
        lines.get(0).entities().stream().anyMatch(e -> email.equals(e.value())),
        "and the entities: " + lines.get(0).entities());
    assertFalse(queries.textSearchable(), "no text to match (AdminConsoleIT: the page says so)");

    // nor the log: what the server wrote while it handled them (FINE is off, so INFO and above)
    Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
    List<String> leaked =
        Files.readAllLines(log).stream().filter(line -> line.contains(secret)).toList();
    assertEquals(List.of(), leaked, "no log line holds the text");
  }

  @Test
  void textSealedWithTheOldKeyOrStoredInPlainStillReadsAndTheResealerMovesItToTheNewKey()
      throws Exception {
    KeysetHandle keyset = TestKeys.read("keyset.json");
    int primary = keyset.getPrimary().getId();
    int old = TestKeys.read("old-key.json").getPrimary().getId();
    assertTrue(old != primary && keyset.size() == 2, "the server's keyset is a rotated one");
    String customer = "webchat-" + UUID.randomUUID();
    String dialogId = UUID.randomUUID().toString();
    db().getCollection("dialogs")
        .insertOne(
            new Document("_id", dialogId)
                .append("customerId", customer)
                .append("channel", "webchat")
                .append("language", "en")
                .append("consent", true)
                .append("status", "OPEN")
                .append("createdAt", new Date())
                .append("updatedAt", new Date())
                .append("messageCount", 4L)
                .append("lastSeq", 4L));
    String beforeRotation = "sealed before the rotation " + UUID.randomUUID();
    String beforeEncryption = "stored before encryption " + UUID.randomUUID();
    String foreign = "sealed by a key nobody holds " + UUID.randomUUID();
    MongoCollection<Document> messages = db().getCollection("messages");
    messages.insertOne(
        message(dialogId, customer, 1, beforeRotation)
            .append("text", seal("old-key.json", dialogId + "/1", beforeRotation))
            .append("sealedWith", old));
    messages.insertOne(message(dialogId, customer, 2, beforeEncryption)); // no mark: plain
    messages.insertOne(
        message(dialogId, customer, 3, foreign)
            .append("text", seal("foreign-key.json", dialogId + "/3", foreign))
            .append("sealedWith", TestKeys.read("foreign-key.json").getPrimary().getId()));

    List<String> read = texts(customer, dialogId);
    assertEquals(beforeRotation, read.get(0), "the old key still opens what it sealed");
    assertEquals(beforeEncryption, read.get(1), "plain text still reads");
    assertTrue(read.get(2).startsWith("[encrypted with key "), "a notice, not garbage: " + read);

    DialogResealer.Resealed run = resealer.resealAll();
    assertTrue(run.rewritten().get("messages") >= 2, "both moved: " + run);
    assertTrue(run.unopenable() >= 1, "the foreign one left: " + run);

    for (int seq : List.of(1, 2)) {
      Document moved = messages.find(eq("_id", dialogId + "/" + seq)).first();
      assertEquals(primary, moved.getInteger("sealedWith"));
      assertEquals(primary, keyOf(moved.get("text")), "sealed with the new key now");
    }
    Document left = messages.find(eq("_id", dialogId + "/3")).first();
    assertEquals(TestKeys.read("foreign-key.json").getPrimary().getId(), keyOf(left.get("text")));
    assertEquals(read, texts(customer, dialogId), "and it all reads the same as before");
    assertEquals(
        List.of(), StoreSearch.documentsHolding(db(), beforeEncryption), "no plain copy left");
    assertEquals(0, resealer.resealAll().rewritten().get("messages"), "nothing left to move");
  }

  private static Document message(String dialogId, String customer, int seq, String text) {
    return new Document("_id", dialogId + "/" + seq)
        .append("dialogId", dialogId)
        .append("customerId", customer)
        .append("seq", (long) seq)
        .append("direction", "INBOUND")
        .append("type", "TEXT")
        .append("text", text)
        .append("language", "en")
        .append("createdAt", new Date());
  }

  /** As a node sealed it: Tink AEAD, bound to {@code messages/<id>/text} (DialogCipher). */
  private static Binary seal(String keys, String messageId, String text) throws Exception {
    Aead aead = TestKeys.read(keys).getPrimitive(RegistryConfiguration.get(), Aead.class);
    return new Binary(
        aead.encrypt(
            text.getBytes(StandardCharsets.UTF_8),
            ("messages/" + messageId + "/text").getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> texts(String customer, String dialogId) {
    return dialogs.consented(customer, dialogId).orElseThrow().messages().stream()
        .map(Message::text)
        .toList();
  }

  private static int keyOf(Object sealed) {
    byte[] bytes = ((Binary) sealed).getData();
    assertEquals(1, bytes[0], "Tink's prefix");
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }

  private String dialogOf(String customerId) {
    return db().getCollection("dialogs")
        .find(eq("customerId", customerId))
        .first()
        .getString("_id");
  }

  private WebChatReplies.Delivered awaitReplyTo(String user, String clientId) {
    return Await.value(
        "the reply to " + clientId,
        Duration.ofSeconds(60),
        () ->
            replies.after(user, 0, 100).stream()
                .filter(d -> clientId.equals(d.reply().replyToRef()))
                .findFirst());
  }

  private MongoDatabase db() {
    return store.database();
  }
}
