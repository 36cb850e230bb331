package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.TurnStore.DialogSlot;
import org.parley.domain.model.dialog.TurnStore.InboundTurn;
import org.parley.domain.model.dialog.TurnStore.Participant;
import org.parley.domain.model.dialog.TurnStore.ReplyRecord;
import org.parley.domain.model.handoff.Handoffs.Handoff;
import org.parley.domain.model.handoff.Handoffs.State;

/**
 * The handoff state on the embedded store through the real driver, with the turn store that reads
 * it, the idle check that must leave it alone and the erasure that must remove it.
 */
class MongoHandoffsTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Participant ANNA = new Participant("telegram-1", "telegram", "1", "chat-1");

  @TempDir Path dir;

  private EmbeddedStoreFixture fixture;
  private int turnsTaken;
  private MongoHandoffs handoffs;
  private MongoTurnStore turns;
  private MongoConsentQuestions questions;
  private MongoDialogStore dialogStore;

  @BeforeEach
  void start() {
    fixture = EmbeddedStoreFixture.start(dir);
    MongoDocumentStore documents = fixture.documents;
    DialogCipher cipher = DialogCipher.of(Keysets.generate());
    handoffs = new MongoHandoffs();
    handoffs.store = documents;
    handoffs.cipher = cipher;
    turns = new MongoTurnStore();
    turns.store = documents;
    turns.cipher = cipher;
    questions = new MongoConsentQuestions();
    questions.store = documents;
    questions.cipher = cipher;
    dialogStore = new MongoDialogStore();
    dialogStore.store = documents;
    dialogStore.cipher = cipher;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aRequestWaitsOnceAndTheNextTurnIsHandedOffWhateverTheIdleClockSays() {
    DialogSlot first = enter(T0);
    assertFalse(first.handedOff());

    assertTrue(handoffs.request(ANNA.customerId(), first.dialogId(), T0));
    assertFalse(handoffs.request(ANNA.customerId(), first.dialogId(), T0.plusSeconds(5)));

    // an hour later, far past the idle timeout: the same dialog, handed off
    DialogSlot later = enter(T0.plus(Duration.ofHours(1)));
    assertEquals(first.dialogId(), later.dialogId());
    assertTrue(later.handedOff());
    assertEquals(
        List.of(),
        questions.endIdle(T0.plus(Duration.ofHours(2)), 10, T0.plus(Duration.ofHours(2))),
        "the idle check leaves a handed-off dialog alone");

    Handoff waiting = handoffs.of(first.dialogId()).orElseThrow();
    assertEquals(State.WAITING, waiting.state());
    assertEquals(T0, waiting.since(), "the first request's time, not the repeated one's");
    assertNull(waiting.admin());
    assertEquals(ANNA, waiting.participant());
  }

  @Test
  void oneAdminHoldsAConversationAndHandingBackReturnsItToTheBot() {
    String dialog = enter(T0).dialogId();
    assertTrue(handoffs.request(ANNA.customerId(), dialog, T0));

    Handoff taken = handoffs.take(dialog, "alice", T0.plusSeconds(10)).orElseThrow();
    assertEquals(State.TAKEN, taken.state());
    assertEquals("alice", taken.admin());
    assertEquals(Optional.empty(), handoffs.take(dialog, "bob", T0.plusSeconds(11)));
    assertEquals("alice", handoffs.of(dialog).orElseThrow().admin(), "bob did not take it");
    assertEquals(
        Optional.empty(),
        handoffs.handBack(dialog, Optional.of(T0.plus(Duration.ofHours(1)))),
        "the timeout does not take a conversation an admin holds");

    assertTrue(handoffs.handBack(dialog, Optional.empty()).isPresent());
    assertEquals(Optional.empty(), handoffs.of(dialog));
    assertEquals(Optional.empty(), handoffs.handBack(dialog, Optional.empty()));
    assertFalse(enter(T0.plusSeconds(20)).handedOff(), "the bot answers again");
    assertFalse(dialogs().find(eq("_id", dialog)).first().containsKey("handedOff"));
  }

  @Test
  void anAdminTakesOverOnlyAUsersOpenCurrentDialog() {
    String dialog = enter(T0).dialogId();
    assertEquals(Optional.empty(), handoffs.take("no-such-dialog", "alice", T0));
    questions.endIdle(T0.plusSeconds(1), 10, T0.plusSeconds(1)); // ends it: awaiting consent
    assertEquals(Optional.empty(), handoffs.take(dialog, "alice", T0.plusSeconds(2)));

    String next = enter(T0.plusSeconds(3)).dialogId();
    Handoff taken = handoffs.take(next, "alice", T0.plusSeconds(4)).orElseThrow();
    assertEquals(State.TAKEN, taken.state(), "taken without the user asking");
    assertTrue(enter(T0.plusSeconds(5)).handedOff());
  }

  @Test
  void theTimeoutReturnsOnlyWhatWaitedLongEnough() {
    String early = enter(T0).dialogId();
    handoffs.request(ANNA.customerId(), early, T0);
    Participant ben = new Participant("telegram-2", "telegram", "2", "chat-2");
    String late = enter(ben, T0.plusSeconds(50)).dialogId();
    handoffs.request(ben.customerId(), late, T0.plusSeconds(50));

    Instant cutoff = T0.plusSeconds(30);
    List<Handoff> due = handoffs.waitingSince(cutoff, 10);
    assertEquals(List.of(early), due.stream().map(Handoff::dialogId).toList());
    assertEquals(List.of(early, late), handoffs.queue(10).stream().map(Handoff::dialogId).toList());
    assertTrue(handoffs.handBack(early, Optional.of(cutoff)).isPresent());
    assertEquals(Optional.empty(), handoffs.handBack(late, Optional.of(cutoff)));
    assertEquals(List.of(late), handoffs.queue(10).stream().map(Handoff::dialogId).toList());
  }

  @Test
  void aPersonsReplyIsTheDialogsNextMessageWithADeliveryState() {
    String dialog = enter(T0).dialogId();
    handoffs.take(dialog, "alice", T0);
    ReplyRecord reply =
        new ReplyRecord(
            Message.MessageType.TEXT, "Hi, Alice here", List.of(), null, "person:alice", "{}");

    assertTrue(handoffs.reply(dialog, dialog + "/person/1", reply, T0.plusSeconds(1)));
    assertFalse(handoffs.reply("no-such-dialog", "x/person/1", reply, T0.plusSeconds(1)));

    Document stored = messages().find(eq("_id", dialog + "/person/1")).first();
    assertEquals(2L, stored.get("seq", Number.class).longValue(), "after the user's first message");
    assertEquals("OUTBOUND", stored.getString("direction"));
    assertEquals("QUEUED", stored.getString("deliveryState"));
    assertEquals("person:alice", stored.getString("plugin"));
    assertFalse(stored.get("text") instanceof String, "sealed at rest like every reply");
    assertEquals(
        2L,
        dialogs().find(eq("_id", dialog)).first().get("messageCount", Number.class).longValue());
  }

  @Test
  void erasingTheDialogErasesItsHandoff() {
    String dialog = enter(T0).dialogId();
    handoffs.request(ANNA.customerId(), dialog, T0);
    dialogStore.erase(ANNA.customerId(), dialog);

    assertEquals(Optional.empty(), handoffs.of(dialog));
    assertEquals(List.of(), handoffs.queue(10));
    assertFalse(
        fixture
            .collection(DialogDocuments.CONVERSATIONS)
            .find(eq("_id", ANNA.customerId()))
            .first()
            .containsKey("handoff"));
  }

  private DialogSlot enter(Instant at) {
    return enter(ANNA, at);
  }

  /** A turn of {@code who} at {@code at}, answered with no reply (as while handed off). */
  private DialogSlot enter(Participant who, Instant at) {
    String id = who.channel() + ":" + who.userId() + "-" + (++turnsTaken);
    DialogSlot slot = turns.arrive(who, id, at, at.minus(Duration.ofMinutes(30))).slot();
    turns.answer(
        slot,
        new InboundTurn(
            id,
            who.customerId(),
            who.channel(),
            Message.MessageType.TEXT,
            "hello",
            null,
            null,
            "EN",
            "greeting",
            1.0,
            List.of(),
            at,
            at,
            at),
        List.of(),
        false,
        at);
    return slot;
  }

  private MongoCollection<Document> dialogs() {
    return fixture.collection(DialogDocuments.DIALOGS);
  }

  private MongoCollection<Document> messages() {
    return fixture.collection(DialogDocuments.MESSAGES);
  }
}
