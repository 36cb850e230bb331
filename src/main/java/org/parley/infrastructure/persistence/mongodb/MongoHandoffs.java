package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.parley.domain.model.dialog.DialogStatus;
import org.parley.domain.model.dialog.TurnStore.DialogRef;
import org.parley.domain.model.dialog.TurnStore.ReplyRecord;
import org.parley.domain.model.handoff.Handoffs;

/**
 * The handoff as a sub-document of the customer's pointer in {@code conversations} ({@link
 * DialogDocuments#HANDOFF}), which the turn reads already, and a flag on the dialog that keeps the
 * idle check away from it. A person's replies are messages of the dialog like the bot's, so they
 * are delivered, recorded and erased the same way.
 */
@ApplicationScoped
public class MongoHandoffs implements Handoffs {

  private static final String OF_DIALOG = DialogDocuments.HANDOFF + "." + DialogDocuments.DIALOG_ID;
  private static final String STATE = DialogDocuments.HANDOFF + ".state";
  private static final String SINCE = DialogDocuments.HANDOFF + ".since";
  private static final String ADMIN = DialogDocuments.HANDOFF + ".admin";

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

  @Override
  public boolean request(String customerId, String dialogId, Instant at) {
    boolean waiting =
        conversations()
                .updateOne(
                    and(
                        eq("_id", customerId),
                        eq(DialogDocuments.DIALOG_ID, dialogId),
                        exists(DialogDocuments.HANDOFF, false)),
                    Updates.set(
                        DialogDocuments.HANDOFF, handoff(dialogId, State.WAITING, at, null)))
                .getModifiedCount()
            > 0;
    if (waiting) {
      flag(dialogId, at);
    }
    return waiting;
  }

  @Override
  public Optional<Handoff> take(String dialogId, String admin, Instant at) {
    Document dialog =
        dialogs()
            .find(and(eq("_id", dialogId), eq(DialogDocuments.STATUS, DialogStatus.OPEN.name())))
            .first();
    if (dialog == null || dialog.getString(DialogDocuments.USER_ID) == null) {
      return Optional.empty(); // ended, erased, or the DataAPI's (no one to answer)
    }
    Document pointer =
        conversations()
            .findOneAndUpdate(
                and(
                    eq("_id", dialog.getString(DialogDocuments.CUSTOMER_ID)),
                    eq(DialogDocuments.DIALOG_ID, dialogId),
                    or(
                        exists(DialogDocuments.HANDOFF, false),
                        eq(STATE, State.WAITING.name()),
                        eq(ADMIN, admin))),
                Updates.set(DialogDocuments.HANDOFF, handoff(dialogId, State.TAKEN, at, admin)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (pointer == null) {
      return Optional.empty();
    }
    flag(dialogId, at);
    return Optional.of(handoffOf(pointer, dialog));
  }

  @Override
  public Optional<Handoff> handBack(String dialogId, Optional<Instant> waitingSince) {
    Bson which =
        waitingSince
            .map(
                cutoff ->
                    and(
                        eq(OF_DIALOG, dialogId),
                        eq(STATE, State.WAITING.name()),
                        lt(SINCE, Date.from(cutoff))))
            .orElse(eq(OF_DIALOG, dialogId));
    Document pointer =
        conversations()
            .findOneAndUpdate(
                which,
                Updates.unset(DialogDocuments.HANDOFF),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
    if (pointer == null) {
      return Optional.empty();
    }
    // the bot's idle clock starts again now, not from the person's last word
    Document dialog =
        dialogs()
            .findOneAndUpdate(
                eq("_id", dialogId),
                Updates.combine(
                    Updates.unset(DialogDocuments.HANDED_OFF),
                    Updates.set(DialogDocuments.UPDATED_AT, new Date())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return dialog == null ? Optional.empty() : Optional.of(handoffOf(pointer, dialog));
  }

  @Override
  public Optional<Handoff> of(String dialogId) {
    Document pointer = conversations().find(eq(OF_DIALOG, dialogId)).first();
    if (pointer == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(dialogs().find(eq("_id", dialogId)).first())
        .map(dialog -> handoffOf(pointer, dialog));
  }

  @Override
  public List<Handoff> queue(int limit) {
    return withDialogs(
        conversations()
            .find(exists(DialogDocuments.HANDOFF))
            .sort(Sorts.ascending(SINCE))
            .limit(limit)
            .into(new ArrayList<>()));
  }

  @Override
  public List<Handoff> waitingSince(Instant cutoff, int limit) {
    return withDialogs(
        conversations()
            .find(and(eq(STATE, State.WAITING.name()), lt(SINCE, Date.from(cutoff))))
            .sort(Sorts.ascending(SINCE))
            .limit(limit)
            .into(new ArrayList<>()));
  }

  @Override
  public boolean reply(String dialogId, String replyId, ReplyRecord reply, Instant at) {
    Date now = Date.from(at);
    return DialogNumbers.insert(
                store.database(),
                dialogId,
                replyId,
                () ->
                    dialogs()
                        .findOneAndUpdate(
                            eq("_id", dialogId),
                            Updates.combine(
                                Updates.inc(DialogDocuments.MESSAGE_COUNT, 1L),
                                Updates.inc(DialogDocuments.LAST_SEQ, 1L),
                                Updates.set(DialogDocuments.UPDATED_AT, now)),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)),
                dialog ->
                    DialogDocuments.reply(
                        replyId,
                        null,
                        dialogId,
                        dialog,
                        dialog.get(DialogDocuments.LAST_SEQ, Number.class).longValue(),
                        reply,
                        now,
                        cipher))
            .outcome()
        != DialogNumbers.Outcome.NO_DIALOG;
  }

  private List<Handoff> withDialogs(List<Document> pointers) {
    if (pointers.isEmpty()) {
      return List.of();
    }
    List<String> ids =
        pointers.stream()
            .map(p -> p.get(DialogDocuments.HANDOFF, Document.class))
            .map(h -> h.getString(DialogDocuments.DIALOG_ID))
            .toList();
    Map<String, Document> dialogs =
        dialogs().find(in("_id", ids)).into(new ArrayList<>()).stream()
            .collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
    List<Handoff> handoffs = new ArrayList<>();
    for (Document pointer : pointers) {
      Document dialog =
          dialogs.get(
              pointer
                  .get(DialogDocuments.HANDOFF, Document.class)
                  .getString(DialogDocuments.DIALOG_ID));
      if (dialog != null) {
        handoffs.add(handoffOf(pointer, dialog));
      }
    }
    return handoffs;
  }

  private static Handoff handoffOf(Document pointer, Document dialog) {
    Document handoff = pointer.get(DialogDocuments.HANDOFF, Document.class);
    DialogRef ref = DialogDocuments.ref(dialog);
    return new Handoff(
        ref.participant().customerId(),
        ref.dialogId(),
        ref.participant(),
        ref.language(),
        State.valueOf(handoff.getString("state")),
        handoff.getDate("since").toInstant(),
        handoff.getString("admin"));
  }

  private static Document handoff(String dialogId, State state, Instant since, String admin) {
    return new Document(DialogDocuments.DIALOG_ID, dialogId)
        .append("state", state.name())
        .append("since", Date.from(since))
        .append("admin", admin);
  }

  private void flag(String dialogId, Instant at) {
    dialogs()
        .updateOne(
            eq("_id", dialogId),
            Updates.combine(
                Updates.set(DialogDocuments.HANDED_OFF, true),
                Updates.set(DialogDocuments.UPDATED_AT, Date.from(at))));
  }

  private MongoCollection<Document> conversations() {
    return store.database().getCollection(DialogDocuments.CONVERSATIONS);
  }

  private MongoCollection<Document> dialogs() {
    return store.database().getCollection(DialogDocuments.DIALOGS);
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(DialogDocuments.MESSAGES);
  }
}
