package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.domain.model.dialog.Appended;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.NewMessage;
import org.parley.domain.model.dialog.TurnStore;

/**
 * The DataAPI's append on the embedded store through the real driver: the message's id and its
 * number in the dialog are both unique, and only a taken id means "the same request".
 */
class MongoDialogStoreAppendTest {

  @TempDir Path dir;

  private EmbeddedStoreFixture fixture;
  private MongoDialogStore store;

  @BeforeEach
  void start() {
    fixture = EmbeddedStoreFixture.start(dir);
    store = new MongoDialogStore();
    store.store = fixture.documents;
    store.cipher = DialogCipher.of(Keysets.generate());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aNumberTakenByAnotherMessageIsDrawnAgainNotMistakenForTheSameRequest() {
    assertEquals(Appended.OPENED_DIALOG, store.append(message("first", null)));
    // a message that holds number 2 without being counted: what a store whose counter is not
    // atomic leaves when two writers draw the same number
    messages().insertOne(new Document("_id", "d/other").append("dialogId", "d").append("seq", 2L));

    assertEquals(Appended.CONTINUED_DIALOG, store.append(message("second", "k1")));

    Document second = messages().find(eq("_id", "d/k1")).first();
    assertEquals(3L, second.get("seq", Number.class).longValue(), "the next free number");
    assertEquals("second", store.cipher.open(second.get("text"), "messages/d/k1/text"));
    assertEquals(
        2L,
        dialogs().find(eq("_id", "d")).first().get("messageCount", Number.class).longValue(),
        "the number drawn for nothing is not counted");
  }

  @Test
  void aConsentQuestionWhoseNumberIsTakenIsAskedUnderTheNextAndOnlyOnce() {
    store.append(message("first", null));
    messages().insertOne(new Document("_id", "d/other").append("dialogId", "d").append("seq", 2L));
    MongoConsentQuestions questions = new MongoConsentQuestions();
    questions.store = store.store;
    questions.cipher = store.cipher;
    TurnStore.ReplyRecord question =
        new TurnStore.ReplyRecord(
            Message.MessageType.QUICK_REPLY,
            "May I keep it?",
            List.of("Yes", "No"),
            null,
            "consent",
            "{}");

    assertTrue(questions.ask("d", question, Instant.now()).isPresent());
    assertEquals(
        3L,
        messages()
            .find(eq("_id", "d/consent-question"))
            .first()
            .get("seq", Number.class)
            .longValue());
    assertTrue(questions.ask("d", question, Instant.now()).isEmpty(), "asked already");
    assertTrue(questions.ask("no-such-dialog", question, Instant.now()).isEmpty());
    assertEquals(
        2L, dialogs().find(eq("_id", "d")).first().get("messageCount", Number.class).longValue());
  }

  @Test
  void theSameRequestAgainIsAlreadyStoredAndTouchesNothing() {
    assertEquals(Appended.OPENED_DIALOG, store.append(message("once", "k1")));
    Document before = dialogs().find(eq("_id", "d")).first();

    assertEquals(Appended.ALREADY_STORED, store.append(message("once", "k1")));

    assertEquals(1, messages().countDocuments(eq("dialogId", "d")));
    assertEquals(before, dialogs().find(eq("_id", "d")).first());
  }

  @Test
  void concurrentAppendsToOneDialogAreAllStoredUnderDistinctNumbers() throws Exception {
    assertEquals(Appended.OPENED_DIALOG, store.append(message("opening", null)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Appended>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        String text = "text " + i;
        outcomes.add(pool.submit(() -> store.append(message(text, null))));
      }
      for (Future<Appended> outcome : outcomes) {
        assertEquals(Appended.CONTINUED_DIALOG, outcome.get());
      }
    } finally {
      pool.shutdownNow();
    }

    List<Document> stored =
        messages().find(eq("dialogId", "d")).sort(Sorts.ascending("seq")).into(new ArrayList<>());
    assertEquals(201, stored.size());
    assertEquals(
        201, new HashSet<>(stored.stream().map(m -> m.get("seq", Number.class)).toList()).size());
    assertEquals(
        201L, dialogs().find(eq("_id", "d")).first().get("messageCount", Number.class).longValue());
  }

  private static NewMessage message(String text, String requestKey) {
    return new NewMessage("c", "d", "data-api", text, "en", requestKey, Instant.now());
  }

  private com.mongodb.client.MongoCollection<Document> messages() {
    return fixture.collection(DialogDocuments.MESSAGES);
  }

  private com.mongodb.client.MongoCollection<Document> dialogs() {
    return fixture.collection(DialogDocuments.DIALOGS);
  }
}
