package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
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
 * Turns in the {@code dialogs} and {@code messages} collections. The user's message is inserted
 * under its platform id ({@code channel:platformMessageId}) as {@code _id}: the insert is the
 * "already handled?" check, and a duplicate-key error is its answer. Replies are stored as {@code
 * <turn id>/<n>}, so a turn's replies are one range of the primary key. Delivery is recorded on the
 * reply alone ({@link MongoDeliveryRecords}), the end of a dialog by {@link MongoConsentQuestions};
 * nothing rewrites a dialog. The documents' shared shapes are in {@link DialogDocuments}.
 */
@ApplicationScoped
public class MongoTurnStore implements TurnStore {

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

  @Override
  public DialogSlot enter(
      Participant participant, String language, Instant at, Instant idleCutoff) {
    Date now = Date.from(at);
    Document pointer = conversations().find(eq("_id", participant.customerId())).first();
    if (pointer != null && pointer.getString(DialogDocuments.DIALOG_ID) != null) {
      Document open =
          dialogs()
              .findOneAndUpdate(
                  and(
                      eq("_id", pointer.getString(DialogDocuments.DIALOG_ID)),
                      eq(DialogDocuments.STATUS, DialogStatus.OPEN.name()),
                      or(
                          gte(DialogDocuments.UPDATED_AT, Date.from(idleCutoff)),
                          eq(DialogDocuments.HANDED_OFF, true))),
                  Updates.combine(
                      Updates.inc(DialogDocuments.MESSAGE_COUNT, 1L),
                      Updates.inc(DialogDocuments.LAST_SEQ, 1L),
                      Updates.set(DialogDocuments.UPDATED_AT, now),
                      Updates.set(DialogDocuments.LANGUAGE, language),
                      Updates.set(DialogDocuments.CONVERSATION_REF, participant.conversationRef())),
                  new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (open != null) {
        Document handoff = pointer.get(DialogDocuments.HANDOFF, Document.class);
        return new DialogSlot(
            open.getString("_id"),
            open.get(DialogDocuments.LAST_SEQ, Number.class).longValue(),
            false,
            handoff != null
                && open.getString("_id").equals(handoff.getString(DialogDocuments.DIALOG_ID)));
      }
    }
    String dialogId = UUID.randomUUID().toString();
    dialogs()
        .insertOne(
            new Document("_id", dialogId)
                .append(DialogDocuments.CUSTOMER_ID, participant.customerId())
                .append(DialogDocuments.CHANNEL, participant.channel())
                .append(DialogDocuments.USER_ID, participant.userId())
                .append(DialogDocuments.CONVERSATION_REF, participant.conversationRef())
                .append(DialogDocuments.LANGUAGE, language)
                .append(DialogDocuments.CONSENT, false)
                .append(DialogDocuments.STATUS, DialogStatus.OPEN.name())
                .append(DialogDocuments.CREATED_AT, now)
                .append(DialogDocuments.UPDATED_AT, now)
                .append(DialogDocuments.MESSAGE_COUNT, 1L)
                .append(DialogDocuments.LAST_SEQ, 1L));
    conversations()
        .updateOne(
            eq("_id", participant.customerId()),
            Updates.set(DialogDocuments.DIALOG_ID, dialogId),
            new UpdateOptions().upsert(true));
    return new DialogSlot(dialogId, 1L, true, false);
  }

  @Override
  public Optional<StoredTurn> claim(DialogSlot slot, InboundTurn turn) {
    String id = turn.id();
    Document document =
        new Document("_id", turn.id())
            .append(DialogDocuments.DIALOG_ID, slot.dialogId())
            .append(DialogDocuments.CUSTOMER_ID, turn.customerId())
            .append(DialogDocuments.CHANNEL, turn.channel())
            .append(DialogDocuments.SEQ, slot.seq())
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
    try {
      messages().insertOne(document);
      return Optional.empty();
    } catch (RuntimeException e) {
      if (!MongoDialogStore.isDuplicateKey(e)) {
        release(slot);
        throw e;
      }
    }
    release(slot);
    Document stored = messages().find(eq("_id", turn.id())).first();
    if (stored == null) { // erased between the insert and this read: handled, and gone
      return Optional.of(new StoredTurn(turn.id(), slot.dialogId(), true, List.of()));
    }
    List<StoredReply> replies = replies(turn.id());
    boolean marked = DialogDocuments.ANSWERED.equals(stored.getString(DialogDocuments.STATE));
    if (!marked && !replies.isEmpty()) {
      // an answer cut short between storing its replies and marking the turn (a node killed):
      // the replies are the answer, so the turn is marked now (SingleNodeFaultIT, fault (a), found
      // it left)
      messages()
          .updateOne(
              and(eq("_id", turn.id()), ne(DialogDocuments.STATE, DialogDocuments.ANSWERED)),
              Updates.combine(
                  Updates.set(DialogDocuments.STATE, DialogDocuments.ANSWERED),
                  Updates.unset(DialogDocuments.FAILURE)));
    }
    return Optional.of(
        new StoredTurn(
            turn.id(),
            stored.getString(DialogDocuments.DIALOG_ID),
            marked || !replies.isEmpty(),
            replies));
  }

  /** Gives back the number {@link #enter} reserved for a message that is not stored. */
  private void release(DialogSlot slot) {
    if (slot.opened()) {
      // nothing else is in a dialog opened for this message
      dialogs().deleteOne(and(eq("_id", slot.dialogId()), eq(DialogDocuments.MESSAGE_COUNT, 1L)));
    } else {
      // lastSeq stays: a number is never handed out twice
      dialogs()
          .updateOne(eq("_id", slot.dialogId()), Updates.inc(DialogDocuments.MESSAGE_COUNT, -1L));
    }
  }

  @Override
  public List<StoredReply> answer(
      String turnId, String dialogId, List<ReplyRecord> replies, boolean endDialog, Instant at) {
    Date now = Date.from(at);
    List<Bson> updates = new ArrayList<>();
    updates.add(Updates.inc(DialogDocuments.MESSAGE_COUNT, (long) replies.size()));
    updates.add(Updates.inc(DialogDocuments.LAST_SEQ, (long) replies.size()));
    updates.add(Updates.set(DialogDocuments.UPDATED_AT, now));
    if (endDialog) {
      updates.add(Updates.set(DialogDocuments.STATUS, DialogStatus.AWAITING_CONSENT.name()));
      updates.add(Updates.set("endedAt", now));
    }
    Document dialog =
        dialogs()
            .findOneAndUpdate(
                eq("_id", dialogId),
                Updates.combine(updates),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    List<StoredReply> stored = new ArrayList<>();
    List<Document> documents = new ArrayList<>();
    long seq =
        dialog == null
            ? 0
            : dialog.get(DialogDocuments.LAST_SEQ, Number.class).longValue() - replies.size();
    for (int i = 0; i < replies.size(); i++) {
      String id = turnId + "/" + (i + 1);
      stored.add(new StoredReply(id, replies.get(i), false));
      documents.add(
          DialogDocuments.reply(id, turnId, dialogId, dialog, ++seq, replies.get(i), now, cipher));
    }
    if (dialog == null) {
      return stored; // erased meanwhile (consent refused, the DataAPI): keep nothing
    }
    if (endDialog) {
      DialogDocuments.asking(
          conversations(), dialog.getString(DialogDocuments.CUSTOMER_ID), dialogId);
    }
    if (!documents.isEmpty()) {
      messages().insertMany(documents);
    }
    messages()
        .updateOne(
            eq("_id", turnId),
            Updates.combine(
                Updates.set(DialogDocuments.STATE, DialogDocuments.ANSWERED),
                Updates.set("repliesQueuedAt", now),
                Updates.unset(DialogDocuments.FAILURE)));
    return stored;
  }

  @Override
  public int failed(String id, String reason, Instant at) {
    // one write that counts: the user's messages are handled one at a time, but a count kept
    // with the turn must not depend on that
    Document failed =
        messages()
            .findOneAndUpdate(
                and(eq("_id", id), ne(DialogDocuments.STATE, DialogDocuments.ANSWERED)),
                Updates.combine(
                    Updates.set(DialogDocuments.STATE, DialogDocuments.FAILED),
                    Updates.set(
                        DialogDocuments.FAILURE,
                        cipher.seal(
                            reason,
                            DialogDocuments.where(
                                DialogDocuments.MESSAGES, id, DialogDocuments.FAILURE))),
                    Updates.inc(DialogDocuments.ATTEMPTS, 1),
                    Updates.set(DialogDocuments.FAILED_AT, Date.from(at))),
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
