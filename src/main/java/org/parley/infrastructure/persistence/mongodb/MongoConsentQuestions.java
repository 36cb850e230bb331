package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.parley.domain.model.dialog.ConsentQuestions;
import org.parley.domain.model.dialog.DialogStatus;
import org.parley.domain.model.dialog.TurnStore.DialogRef;
import org.parley.domain.model.dialog.TurnStore.ReplyRecord;
import org.parley.domain.model.dialog.TurnStore.StoredReply;

/**
 * The consent questions in the dialog store: the {@code asking} pointer on the customer's {@code
 * conversations} document, the dialogs' status, and the question stored after the idle timeout
 * under the fixed id {@code <dialog>/consent-question}, so that it is stored (and asked) once.
 */
@ApplicationScoped
public class MongoConsentQuestions implements ConsentQuestions {

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

  @Override
  public Optional<DialogRef> awaitingConsent(String customerId) {
    Document pointer = conversations().find(eq("_id", customerId)).first();
    if (pointer == null || pointer.getString(DialogDocuments.ASKING) == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
            dialogs()
                .find(
                    and(
                        eq("_id", pointer.getString(DialogDocuments.ASKING)),
                        eq(DialogDocuments.STATUS, DialogStatus.AWAITING_CONSENT.name())))
                .first())
        .map(DialogDocuments::ref);
  }

  @Override
  public void endConsentQuestion(String dialogId) {
    Document dialog =
        dialogs()
            .findOneAndUpdate(
                and(
                    eq("_id", dialogId),
                    eq(DialogDocuments.STATUS, DialogStatus.AWAITING_CONSENT.name())),
                Updates.set(DialogDocuments.STATUS, DialogStatus.ENDED.name()));
    if (dialog != null) {
      conversations()
          .updateOne(
              and(
                  eq("_id", dialog.getString(DialogDocuments.CUSTOMER_ID)),
                  eq(DialogDocuments.ASKING, dialogId)),
              Updates.unset(DialogDocuments.ASKING));
      // an ended dialog is not continued: the customer's next message opens one
      conversations()
          .updateOne(
              and(
                  eq("_id", dialog.getString(DialogDocuments.CUSTOMER_ID)),
                  eq(DialogDocuments.DIALOG_ID, dialogId)),
              Updates.unset(DialogDocuments.DIALOG_ID));
    }
  }

  @Override
  public List<DialogRef> endIdle(Instant cutoff, int limit, Instant at) {
    Bson idle =
        and(
            eq(DialogDocuments.STATUS, DialogStatus.OPEN.name()),
            lt(DialogDocuments.UPDATED_AT, Date.from(cutoff)),
            exists(DialogDocuments.USER_ID), // dialogs the DataAPI wrote have no one to ask
            exists(DialogDocuments.HANDED_OFF, false)); // a person answers when they can
    List<String> candidates =
        dialogs()
            .find(idle)
            .limit(limit)
            .map(document -> document.getString("_id"))
            .into(new ArrayList<>());
    List<DialogRef> ended = new ArrayList<>();
    for (String dialogId : candidates) {
      // one at a time and only while still idle: a message arriving meanwhile keeps it open
      Document dialog =
          dialogs()
              .findOneAndUpdate(
                  and(eq("_id", dialogId), idle),
                  Updates.combine(
                      Updates.set(DialogDocuments.STATUS, DialogStatus.AWAITING_CONSENT.name()),
                      Updates.set("endedAt", Date.from(at))),
                  new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      if (dialog != null) {
        DialogDocuments.asking(
            conversations(), dialog.getString(DialogDocuments.CUSTOMER_ID), dialogId);
        ended.add(DialogDocuments.ref(dialog));
      }
    }
    return ended;
  }

  @Override
  public Optional<StoredReply> ask(String dialogId, ReplyRecord question, Instant at) {
    String id = dialogId + "/consent-question";
    DialogNumbers.Numbered numbered =
        DialogNumbers.insert(
            store.database(),
            dialogId,
            id,
            () ->
                dialogs()
                    .findOneAndUpdate(
                        eq("_id", dialogId),
                        Updates.combine(
                            Updates.inc(DialogDocuments.MESSAGE_COUNT, 1L),
                            Updates.inc(DialogDocuments.LAST_SEQ, 1L)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)),
            dialog ->
                DialogDocuments.reply(
                    id,
                    null,
                    dialogId,
                    dialog,
                    dialog.get(DialogDocuments.LAST_SEQ, Number.class).longValue(),
                    question,
                    Date.from(at),
                    cipher));
    if (numbered.outcome() != DialogNumbers.Outcome.STORED) {
      return Optional.empty(); // no such dialog, or asked already
    }
    return Optional.of(new StoredReply(id, question, false));
  }

  private MongoCollection<Document> dialogs() {
    return store.database().getCollection(DialogDocuments.DIALOGS);
  }

  private MongoCollection<Document> conversations() {
    return store.database().getCollection(DialogDocuments.CONVERSATIONS);
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(DialogDocuments.MESSAGES);
  }
}
