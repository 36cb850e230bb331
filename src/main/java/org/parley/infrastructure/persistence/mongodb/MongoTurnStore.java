package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.parley.domain.model.dialog.DialogStatus;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.TurnStore;

/**
 * Turns in the {@code conversations}, {@code dialogs} and {@code messages} collections, three round
 * trips each ({@link TurnStore}):
 *
 * <ol>
 *   <li>the customer's pointer ({@code conversations}, by the customer id) claims the message's
 *       platform id ({@code channel:platformMessageId}) among the last {@value #CLAIMS_KEPT} in
 *       {@code claimed}, notes {@code lastAt}, and comes back as it was: the current dialog, its
 *       consent question, its handoff, its pending action. A duplicate key (the filter missed the
 *       pointer) is a redelivery;
 *   <li>after the plugin, the dialog's conditional upsert reserves the numbers of the message and
 *       its replies (and creates a dialog this message opens);
 *   <li>one ordered batch inserts the replies ({@code <turn id>/<n>}, one range of the primary key)
 *       and then the message under its platform id as {@code _id}, guarded by its state: a
 *       duplicate key there means it was answered before, longer ago than the claims kept.
 * </ol>
 *
 * Delivery is recorded on the reply alone ({@link MongoDeliveryRecords}), the end of a dialog by
 * {@link MongoConsentQuestions}. The documents' shared shapes are in {@link DialogDocuments}.
 */
@ApplicationScoped
public class MongoTurnStore implements TurnStore {

  /** How many of a customer's message ids their pointer keeps claimed. */
  static final int CLAIMS_KEPT = 32;

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

  @Override
  public Arrival arrive(Participant participant, String turnId, Instant at, Instant idleCutoff) {
    String fresh = UUID.randomUUID().toString();
    // by the key alone: the embedded store uses an index only for a filter on exactly its fields
    // (any other filter scans the collection), so whether the id was claimed is read from the
    // pointer as it was. A redelivery's id is pushed once more, which only shortens the window.
    Document before =
        conversations()
            .findOneAndUpdate(
                eq("_id", participant.customerId()),
                Updates.combine(
                    Updates.set(DialogDocuments.LAST_AT, Date.from(at)),
                    Updates.pushEach(
                        DialogDocuments.CLAIMED,
                        List.of(turnId),
                        new PushOptions().slice(-CLAIMS_KEPT)),
                    Updates.setOnInsert(DialogDocuments.DIALOG_ID, fresh)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    if (before == null) { // the customer's first message: the pointer was created with the dialog
      return new Arrival(new DialogSlot(fresh, participant, false, false), false, Optional.empty());
    }
    if (before.getList(DialogDocuments.CLAIMED, String.class, List.of()).contains(turnId)) {
      // claimed by an earlier attempt, which chose the dialog (and opened it, if it did): the
      // pointer says which
      return new Arrival(place(participant, before, idleCutoff).slot(), true, Optional.empty());
    }
    return place(participant, before, idleCutoff);
  }

  /** The dialog a message goes into, given the pointer as it was before the message. */
  private Arrival place(Participant participant, Document pointer, Instant idleCutoff) {
    String current = pointer.getString(DialogDocuments.DIALOG_ID);
    String asking = pointer.getString(DialogDocuments.ASKING);
    Document handoff = pointer.get(DialogDocuments.HANDOFF, Document.class);
    boolean handedOff =
        current != null
            && handoff != null
            && current.equals(handoff.getString(DialogDocuments.DIALOG_ID));
    if (current != null && !current.equals(asking)) {
      Date lastAt = pointer.getDate(DialogDocuments.LAST_AT);
      boolean active =
          handedOff
              || (lastAt == null
                  ? activeSince(current, idleCutoff) // a pointer from before lastAt was kept
                  : !lastAt.toInstant().isBefore(idleCutoff));
      if (active) {
        return new Arrival(
            new DialogSlot(
                current,
                participant,
                handedOff,
                current.equals(pointer.getString(DialogDocuments.PENDING))),
            false,
            Optional.empty());
      }
    }
    String next = UUID.randomUUID().toString();
    conversations()
        .updateOne(
            eq("_id", participant.customerId()), Updates.set(DialogDocuments.DIALOG_ID, next));
    return new Arrival(
        new DialogSlot(next, participant, false, false), false, Optional.ofNullable(asking));
  }

  private boolean activeSince(String dialogId, Instant idleCutoff) {
    return dialogs()
            .find(
                and(
                    eq("_id", dialogId),
                    eq(DialogDocuments.STATUS, DialogStatus.OPEN.name()),
                    or(
                        gte(DialogDocuments.UPDATED_AT, Date.from(idleCutoff)),
                        eq(DialogDocuments.HANDED_OFF, true))))
            .first()
        != null;
  }

  @Override
  public Optional<StoredTurn> answer(
      DialogSlot slot, InboundTurn turn, List<ReplyRecord> replies, boolean endDialog, Instant at) {
    Date now = Date.from(at);
    long messages = 1L + replies.size();
    Document dialog = reserveOrOpen(slot, turn, messages, messages, endDialog, now);
    String dialogId = dialog.getString("_id");
    long seq = dialog.get(DialogDocuments.LAST_SEQ, Number.class).longValue() - messages + 1;
    // the replies first, the message last (a message stored as answered has all its replies), in
    // one ordered insert: a duplicate key stops it where it was stored before
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      documents.add(
          DialogDocuments.reply(
              turn.id() + "/" + (i + 1),
              turn.id(),
              dialogId,
              dialog,
              seq + 1 + i,
              replies.get(i),
              now,
              cipher));
    }
    Document message = inbound(turn, dialogId, seq).append("repliesQueuedAt", now);
    message.put(DialogDocuments.STATE, DialogDocuments.ANSWERED);
    documents.add(message);
    try {
      messages().insertMany(documents, new InsertManyOptions().ordered(true));
    } catch (RuntimeException e) {
      int stoppedAt = duplicateAt(e);
      if (stoppedAt < 0) {
        throw e;
      }
      Document stored =
          stoppedAt == replies.size() ? messages().find(eq("_id", turn.id())).first() : null;
      if (stored != null
          && !DialogDocuments.ANSWERED.equals(stored.getString(DialogDocuments.STATE))) {
        // a failed attempt's record: this is its answer
        messages().replaceOne(eq("_id", turn.id()), message);
      } else {
        // stored before, longer ago than the claims kept: nothing of this answer stays
        if (stoppedAt > 0) {
          messages()
              .deleteMany(
                  Filters.in(
                      "_id",
                      documents.subList(0, stoppedAt).stream().map(d -> d.get("_id")).toList()));
        }
        dialogs()
            .updateOne(eq("_id", dialogId), Updates.inc(DialogDocuments.MESSAGE_COUNT, -messages));
        return Optional.of(
            stored(turn).orElse(new StoredTurn(turn.id(), dialogId, true, List.of())));
      }
    }
    if (endDialog) {
      DialogDocuments.asking(conversations(), slot.participant().customerId(), dialogId);
    }
    return Optional.empty();
  }

  /**
   * {@link #reserve} in the slot's dialog, or, if that is no longer open (ended by the idle check
   * or an admin while this message was handled), in a new one that this message opens.
   */
  private Document reserveOrOpen(
      DialogSlot slot, InboundTurn turn, long counted, long numbers, boolean endDialog, Date now) {
    Document dialog = reserve(slot, slot.dialogId(), turn, counted, numbers, endDialog, now);
    if (dialog != null) {
      return dialog;
    }
    String dialogId = UUID.randomUUID().toString();
    conversations()
        .updateOne(
            eq("_id", slot.participant().customerId()),
            Updates.set(DialogDocuments.DIALOG_ID, dialogId));
    return reserve(slot, dialogId, turn, counted, numbers, endDialog, now);
  }

  /**
   * The dialog's update of a turn: {@code counted} more messages, its next {@code numbers} numbers,
   * and its activity; creates it if this turn opens it. Returns what the turn's documents take from
   * it ({@code _id}, the last number reserved, the customer, channel and language), or null when
   * the dialog is no longer open (the update is then undone).
   */
  private Document reserve(
      DialogSlot slot,
      String dialogId,
      InboundTurn turn,
      long counted,
      long numbers,
      boolean endDialog,
      Date now) {
    Participant participant = slot.participant();
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.inc(DialogDocuments.MESSAGE_COUNT, counted));
    updates.add(Updates.inc(DialogDocuments.LAST_SEQ, numbers));
    updates.add(Updates.set(DialogDocuments.UPDATED_AT, now));
    updates.add(Updates.set(DialogDocuments.LANGUAGE, turn.language()));
    updates.add(Updates.set(DialogDocuments.CONVERSATION_REF, participant.conversationRef()));
    updates.add(Updates.setOnInsert(DialogDocuments.CUSTOMER_ID, participant.customerId()));
    updates.add(Updates.setOnInsert(DialogDocuments.CHANNEL, participant.channel()));
    updates.add(Updates.setOnInsert(DialogDocuments.USER_ID, participant.userId()));
    updates.add(Updates.setOnInsert(DialogDocuments.CONSENT, false));
    updates.add(Updates.setOnInsert(DialogDocuments.CREATED_AT, now));
    if (endDialog) {
      updates.add(Updates.set(DialogDocuments.STATUS, DialogStatus.AWAITING_CONSENT.name()));
      updates.add(Updates.set("endedAt", now));
    } else {
      updates.add(Updates.setOnInsert(DialogDocuments.STATUS, DialogStatus.OPEN.name()));
    }
    // by the key alone (an index lookup on the embedded store); whether it was open is read from
    // the dialog as it was
    Document before =
        dialogs()
            .findOneAndUpdate(
                eq("_id", dialogId),
                Updates.combine(updates),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    if (before != null
        && !DialogStatus.OPEN.name().equals(before.getString(DialogDocuments.STATUS))) {
      // it had ended: put it back as it was (the numbers stay taken)
      List<Bson> undo = new ArrayList<>();
      undo.add(Updates.inc(DialogDocuments.MESSAGE_COUNT, -counted));
      for (String field :
          List.of(
              DialogDocuments.STATUS,
              DialogDocuments.UPDATED_AT,
              DialogDocuments.LANGUAGE,
              DialogDocuments.CONVERSATION_REF,
              "endedAt")) {
        undo.add(
            before.containsKey(field)
                ? Updates.set(field, before.get(field))
                : Updates.unset(field));
      }
      dialogs().updateOne(eq("_id", dialogId), Updates.combine(undo));
      return null;
    }
    long last =
        (before == null ? 0 : before.get(DialogDocuments.LAST_SEQ, Number.class).longValue());
    return new Document("_id", dialogId)
        .append(DialogDocuments.LAST_SEQ, last + numbers)
        .append(DialogDocuments.CUSTOMER_ID, participant.customerId())
        .append(DialogDocuments.CHANNEL, participant.channel())
        .append(DialogDocuments.LANGUAGE, turn.language());
  }

  @Override
  public Optional<StoredTurn> stored(InboundTurn turn) {
    Document stored = messages().find(eq("_id", turn.id())).first();
    List<StoredReply> replies = replies(turn.id());
    if (stored == null && replies.isEmpty()) {
      return Optional.empty();
    }
    boolean marked =
        stored != null && DialogDocuments.ANSWERED.equals(stored.getString(DialogDocuments.STATE));
    String dialogId = stored == null ? null : stored.getString(DialogDocuments.DIALOG_ID);
    if (!marked && !replies.isEmpty()) {
      // an answer cut short between storing its replies and storing the message (a node killed):
      // the replies are the answer, and the message is stored now, numbered before them
      // (SingleNodeFaultIT, fault (a), found a turn left so)
      Document first = messages().find(eq("_id", replies.get(0).id())).first();
      if (first != null) {
        dialogId = first.getString(DialogDocuments.DIALOG_ID);
        Document message =
            inbound(turn, dialogId, first.get(DialogDocuments.SEQ, Number.class).longValue() - 1);
        message.put(DialogDocuments.STATE, DialogDocuments.ANSWERED);
        messages().replaceOne(eq("_id", turn.id()), message, new ReplaceOptions().upsert(true));
      }
    }
    return Optional.of(new StoredTurn(turn.id(), dialogId, marked || !replies.isEmpty(), replies));
  }

  /** The user's message as stored. */
  private Document inbound(InboundTurn turn, String dialogId, long seq) {
    String id = turn.id();
    return new Document("_id", id)
        .append(DialogDocuments.DIALOG_ID, dialogId)
        .append(DialogDocuments.CUSTOMER_ID, turn.customerId())
        .append(DialogDocuments.CHANNEL, turn.channel())
        .append(DialogDocuments.SEQ, seq)
        .append(DialogDocuments.DIRECTION, Message.Direction.INBOUND.name())
        .append(DialogDocuments.TYPE, turn.type().name())
        .append(
            DialogDocuments.TEXT,
            cipher.seal(
                turn.text(),
                DialogDocuments.where(DialogDocuments.MESSAGES, id, DialogDocuments.TEXT)))
        .append(DialogDocuments.PAYLOAD, turn.payload())
        .append(
            DialogDocuments.ATTACHMENT_URL,
            cipher.seal(
                turn.attachmentUrl(),
                DialogDocuments.where(
                    DialogDocuments.MESSAGES, id, DialogDocuments.ATTACHMENT_URL)))
        .append(DialogDocuments.LANGUAGE, turn.language())
        .append(DialogDocuments.INTENT, turn.intent())
        .append(DialogDocuments.CONFIDENCE, turn.confidence())
        .append(DialogDocuments.ENTITIES, DialogDocuments.entities(id, turn.entities(), cipher))
        .append("sentAt", date(turn.sentAt()))
        .append(DialogDocuments.RECEIVED_AT, date(turn.receivedAt()))
        .append("understoodAt", date(turn.understoodAt()))
        .append(DialogDocuments.CREATED_AT, date(turn.receivedAt()))
        .append(DialogDocuments.STATE, DialogDocuments.RECEIVED)
        .append(DialogDocuments.SEALED_WITH, cipher.mark());
  }

  @Override
  public int turnFailed(Participant participant, InboundTurn turn, String reason, Instant at) {
    Document stored = messages().find(eq("_id", turn.id())).first();
    if (stored != null) {
      if (DialogDocuments.ANSWERED.equals(stored.getString(DialogDocuments.STATE))) {
        return 0;
      }
      // the user's messages are handled one at a time: nothing else writes it meanwhile
      Document counted =
          messages()
              .findOneAndUpdate(
                  eq("_id", turn.id()),
                  failure(turn.id(), reason, at),
                  new FindOneAndUpdateOptions()
                      .returnDocument(ReturnDocument.AFTER)
                      .projection(new Document(DialogDocuments.ATTEMPTS, 1)));
      return counted == null ? 0 : counted.get(DialogDocuments.ATTEMPTS, Number.class).intValue();
    }
    // the first failure: the message is stored in the customer's dialog, numbered (the number
    // taken, the message not counted until it is answered, under a number drawn then)
    Document pointer = conversations().find(eq("_id", participant.customerId())).first();
    String dialogId = pointer == null ? null : pointer.getString(DialogDocuments.DIALOG_ID);
    if (dialogId == null) {
      dialogId = UUID.randomUUID().toString();
      conversations()
          .updateOne(
              eq("_id", participant.customerId()),
              Updates.set(DialogDocuments.DIALOG_ID, dialogId),
              new UpdateOptions().upsert(true));
    }
    Date now = Date.from(at);
    Document dialog =
        reserveOrOpen(new DialogSlot(dialogId, participant, false, false), turn, 0, 1, false, now);
    Document message =
        inbound(
            turn,
            dialog.getString("_id"),
            dialog.get(DialogDocuments.LAST_SEQ, Number.class).longValue());
    message.putAll(failureOf(turn.id(), reason, at));
    message.put(DialogDocuments.ATTEMPTS, 1);
    try {
      messages().insertOne(message);
      return 1;
    } catch (RuntimeException e) {
      if (!MongoDialogStore.isDuplicateKey(e)) {
        throw e;
      }
      return 0; // stored meanwhile
    }
  }

  /** A failed attempt, counted: {@link #failureOf} and one more attempt. */
  private Bson failure(String id, String reason, Instant at) {
    List<Bson> updates = new ArrayList<>();
    failureOf(id, reason, at).forEach((field, value) -> updates.add(Updates.set(field, value)));
    updates.add(Updates.inc(DialogDocuments.ATTEMPTS, 1));
    return Updates.combine(updates);
  }

  /** What a failed attempt records: the state, the reason (sealed) and when. */
  private Document failureOf(String id, String reason, Instant at) {
    return new Document(DialogDocuments.STATE, DialogDocuments.FAILED)
        .append(
            DialogDocuments.FAILURE,
            cipher.seal(
                reason,
                DialogDocuments.where(DialogDocuments.MESSAGES, id, DialogDocuments.FAILURE)))
        .append(DialogDocuments.FAILED_AT, Date.from(at));
  }

  /** Where an ordered insert stopped on a duplicate key, or -1 for any other failure. */
  private static int duplicateAt(RuntimeException e) {
    if (e instanceof MongoBulkWriteException bulk) {
      return bulk.getWriteErrors().stream()
          .filter(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)
          .mapToInt(BulkWriteError::getIndex)
          .min()
          .orElse(-1);
    }
    return MongoDialogStore.isDuplicateKey(e) ? 0 : -1;
  }

  @Override
  public int failed(String id, String reason, Instant at) {
    // one write that counts: a count kept with the reply must not depend on one attempt at a time
    Document failed =
        messages()
            .findOneAndUpdate(
                eq("_id", id),
                failure(id, reason, at),
                new FindOneAndUpdateOptions()
                    .returnDocument(ReturnDocument.AFTER)
                    .projection(new Document(DialogDocuments.ATTEMPTS, 1)));
    return failed == null ? 0 : failed.get(DialogDocuments.ATTEMPTS, Number.class).intValue();
  }

  @Override
  public Optional<Failure> failure(String id) {
    Document message = messages().find(eq("_id", id)).first();
    if (message == null || message.get(DialogDocuments.FAILURE) == null) {
      return Optional.empty();
    }
    Date at = message.getDate(DialogDocuments.FAILED_AT);
    return Optional.of(
        new Failure(
            DialogDocuments.opened(
                message, DialogDocuments.MESSAGES, DialogDocuments.FAILURE, cipher),
            message.get(DialogDocuments.ATTEMPTS, Number.class) == null
                ? 0
                : message.get(DialogDocuments.ATTEMPTS, Number.class).intValue(),
            at == null ? null : at.toInstant()));
  }

  /** The replies of a turn, in order: the key range {@code <turn>/} .. {@code <turn>0}. */
  private List<StoredReply> replies(String turnId) {
    List<StoredReply> replies = new ArrayList<>();
    for (Document reply :
        messages()
            .find(and(gt("_id", turnId + "/"), lt("_id", turnId + "0")))
            .sort(Sorts.ascending(DialogDocuments.SEQ))) {
      replies.add(
          new StoredReply(
              reply.getString("_id"),
              new ReplyRecord(
                  Message.MessageType.valueOf(reply.getString(DialogDocuments.TYPE)),
                  DialogDocuments.opened(
                      reply, DialogDocuments.MESSAGES, DialogDocuments.TEXT, cipher),
                  reply.getList(DialogDocuments.OPTIONS, String.class),
                  reply.getString(DialogDocuments.URL),
                  reply.getString(DialogDocuments.PLUGIN),
                  DialogDocuments.opened(
                      reply, DialogDocuments.MESSAGES, DialogDocuments.BODY, cipher)),
              DialogDocuments.DELIVERED.equals(reply.getString(DialogDocuments.DELIVERY_STATE))));
    }
    return replies;
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private MongoCollection<Document> dialogs() {
    return store.database().getCollection(DialogDocuments.DIALOGS);
  }

  /**
   * One document per customer, found by its {@code _id}: the dialog their next message goes into
   * and the dialog whose consent question is open. Keeps every per-message lookup on the primary
   * key (the embedded store has no secondary indexes; MongoDB's would do, but a key lookup is
   * cheaper still).
   */
  private MongoCollection<Document> conversations() {
    return store.database().getCollection(DialogDocuments.CONVERSATIONS);
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(DialogDocuments.MESSAGES);
  }
}
