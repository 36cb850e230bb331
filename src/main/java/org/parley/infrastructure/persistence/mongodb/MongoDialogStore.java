package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.parley.domain.model.dialog.Appended;
import org.parley.domain.model.dialog.Dialog;
import org.parley.domain.model.dialog.DialogOwnedByAnotherCustomerException;
import org.parley.domain.model.dialog.DialogPage;
import org.parley.domain.model.dialog.DialogQuery;
import org.parley.domain.model.dialog.DialogRepository;
import org.parley.domain.model.dialog.DialogStatus;
import org.parley.domain.model.dialog.DialogStore;
import org.parley.domain.model.dialog.Erased;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.NewMessage;
import org.parley.domain.model.dialog.Transcript;

/**
 * Dialogs in MongoDB. Dialogs are read through JNoSQL (the repository and the document template);
 * messages through the driver and {@link DialogDocuments}, which opens their text sealed at rest.
 * Writes that must be atomic under concurrency use the driver's update operators, so an append is
 * one dialog update and one message insert, and nothing rewrites a whole dialog.
 */
@ApplicationScoped
public class MongoDialogStore implements DialogStore {

  @Inject MongoDocumentStore store;
  @Inject DialogRepository dialogRepository;
  @Inject DialogCipher cipher;
  @Inject DocumentTemplate template;

  @Override
  public Appended append(NewMessage message) {
    String messageId;
    if (message.requestKey() == null) {
      messageId = message.dialogId() + "/" + UUID.randomUUID();
    } else {
      // a retry must not touch the dialog (its updatedAt, its language): look before counting
      messageId = message.dialogId() + "/" + message.requestKey();
      if (stored(messageId)) {
        return Appended.ALREADY_STORED;
      }
    }
    Date at = Date.from(message.at());
    DialogNumbers.Numbered numbered =
        DialogNumbers.insert(
            store.database(),
            message.dialogId(),
            messageId,
            () -> incrementMessageCount(message, at),
            dialog ->
                inbound(
                    message,
                    messageId,
                    dialog.get(DialogDocuments.LAST_SEQ, Number.class).longValue(),
                    at));
    if (numbered.outcome() == DialogNumbers.Outcome.ALREADY_STORED) {
      return Appended.ALREADY_STORED; // the same request, stored concurrently
    }
    return numbered.dialog().get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue() == 1
        ? Appended.OPENED_DIALOG
        : Appended.CONTINUED_DIALOG;
  }

  private boolean stored(String messageId) {
    return messages().countDocuments(eq("_id", messageId)) > 0;
  }

  private Document inbound(NewMessage message, String messageId, long seq, Date at) {
    return new Document("_id", messageId)
        .append(DialogDocuments.DIALOG_ID, message.dialogId())
        .append(DialogDocuments.CUSTOMER_ID, message.customerId())
        .append(DialogDocuments.SEQ, seq)
        .append(DialogDocuments.DIRECTION, Message.Direction.INBOUND.name())
        .append(DialogDocuments.TYPE, Message.MessageType.TEXT.name())
        .append(
            DialogDocuments.TEXT,
            cipher.seal(
                message.text(),
                DialogDocuments.where(DialogDocuments.MESSAGES, messageId, DialogDocuments.TEXT)))
        .append(DialogDocuments.LANGUAGE, message.language())
        .append(DialogDocuments.CREATED_AT, at)
        .append(DialogDocuments.SEALED_WITH, cipher.mark());
  }

  /**
   * Opens the dialog or counts the new message in it, atomically. The result holds the message's
   * number ({@code lastSeq}) and the dialog's message count.
   */
  private Document incrementMessageCount(NewMessage message, Date at) {
    Bson update =
        Updates.combine(
            Updates.inc(DialogDocuments.MESSAGE_COUNT, 1L),
            Updates.inc(DialogDocuments.LAST_SEQ, 1L),
            Updates.set(DialogDocuments.UPDATED_AT, at),
            Updates.set(DialogDocuments.LANGUAGE, message.language()),
            Updates.setOnInsert(DialogDocuments.CHANNEL, message.channel()),
            Updates.setOnInsert(DialogDocuments.CONSENT, false),
            Updates.setOnInsert(DialogDocuments.STATUS, DialogStatus.OPEN.name()),
            Updates.setOnInsert(DialogDocuments.CREATED_AT, at));
    try {
      return dialogs()
          .findOneAndUpdate(
              and(
                  eq("_id", message.dialogId()),
                  eq(DialogDocuments.CUSTOMER_ID, message.customerId())),
              update,
              new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) { // the upsert found the id taken, by another customer's dialog
        throw new DialogOwnedByAnotherCustomerException(message.dialogId());
      }
      throw e;
    }
  }

  @Override
  public Optional<Transcript> transcript(String dialogId) {
    return dialogRepository
        .findById(dialogId)
        .map(
            dialog ->
                new Transcript(
                    dialog,
                    messages()
                        .find(eq(DialogDocuments.DIALOG_ID, dialogId))
                        .sort(Sorts.ascending(DialogDocuments.SEQ))
                        .map(document -> DialogDocuments.message(document, cipher))
                        .into(new ArrayList<>())));
  }

  @Override
  public boolean grantConsent(String dialogId) {
    return dialogs()
            .updateOne(eq("_id", dialogId), Updates.set(DialogDocuments.CONSENT, true))
            .getMatchedCount()
        > 0;
  }

  @Override
  public Erased erase(String customerId, String dialogId) {
    // the copies first: a crash in between leaves an empty unconsented dialog, which the purge
    // removes (the other way round, nothing would find the messages of a dialog that is gone)
    Erased copies = cascade(customerId, List.of(), List.of(dialogId), false);
    boolean held =
        dialogs()
                .deleteOne(and(eq("_id", dialogId), eq(DialogDocuments.CUSTOMER_ID, customerId)))
                .getDeletedCount()
            > 0;
    return new Erased(customerId, held ? List.of(dialogId) : List.of(), copies.messageIds(), false);
  }

  @Override
  public Erased eraseCustomer(String customerId) {
    List<String> dialogIds =
        dialogs()
            .find(eq(DialogDocuments.CUSTOMER_ID, customerId))
            .projection(Projections.include("_id"))
            .map(document -> document.getString("_id"))
            .into(new ArrayList<>());
    Erased copies = cascade(customerId, dialogIds, dialogIds, true);
    dialogs().deleteMany(eq(DialogDocuments.CUSTOMER_ID, customerId));
    return copies;
  }

  /**
   * The one cascade behind every erasure: every copy the store keeps of the dialogs {@code scope},
   * or of everything of the customer when {@code wholeCustomer}. The caller deletes the dialogs'
   * own documents; {@code taken} names those that were there. The messages' ids are read first:
   * they are how the web chat's copies (and, for the caller, the dead letters) are found.
   */
  private Erased cascade(
      String customerId, List<String> taken, List<String> scope, boolean wholeCustomer) {
    Bson ofTheCustomer = eq(DialogDocuments.CUSTOMER_ID, customerId);
    Bson ofTheMessages =
        wholeCustomer
            ? ofTheCustomer
            : and(Filters.in(DialogDocuments.DIALOG_ID, scope), ofTheCustomer);
    Set<String> messageIds =
        messages()
            .find(ofTheMessages)
            .projection(Projections.include("_id"))
            .map(document -> document.getString("_id"))
            .into(new HashSet<>());
    if (wholeCustomer) {
      // the web chat's counters are keyed by the web chat user, found through their replies
      Set<String> userIds =
          webChatReplies()
              .find(ofTheCustomer)
              .projection(Projections.include(DialogDocuments.USER_ID))
              .map(document -> document.getString(DialogDocuments.USER_ID))
              .into(new HashSet<>());
      webChatUsers()
          .deleteMany(
              userIds.isEmpty()
                  ? ofTheCustomer
                  : Filters.or(ofTheCustomer, Filters.in("_id", userIds)));
      webChatReplies().deleteMany(ofTheCustomer);
    } else if (!messageIds.isEmpty()) {
      webChatReplies().deleteMany(Filters.in("_id", messageIds));
    }
    messages().deleteMany(ofTheMessages);
    pending()
        .deleteMany(wholeCustomer ? ofTheCustomer : and(Filters.in("_id", scope), ofTheCustomer));
    if (wholeCustomer) {
      conversations().deleteOne(eq("_id", customerId)); // the pointers and the ordering numbers
    } else {
      conversations() // the current dialog: with it go the claims of its messages
          .updateOne(
              and(eq("_id", customerId), Filters.in(DialogDocuments.DIALOG_ID, scope)),
              Updates.combine(
                  Updates.unset(DialogDocuments.DIALOG_ID),
                  Updates.unset(DialogDocuments.CLAIMED),
                  Updates.unset(DialogDocuments.LAST_AT)));
      for (String pointer : List.of(DialogDocuments.ASKING, DialogDocuments.PENDING)) {
        conversations()
            .updateOne(
                and(eq("_id", customerId), Filters.in(pointer, scope)), Updates.unset(pointer));
      }
      conversations()
          .updateOne(
              and(
                  eq("_id", customerId),
                  Filters.in(DialogDocuments.HANDOFF + "." + DialogDocuments.DIALOG_ID, scope)),
              Updates.unset(DialogDocuments.HANDOFF));
    }
    return new Erased(customerId, taken, messageIds, wholeCustomer);
  }

  @Override
  public DialogPage consentedDialogs(DialogQuery query) {
    List<CriteriaCondition> conditions = new ArrayList<>();
    conditions.add(CriteriaCondition.eq(DialogDocuments.CONSENT, true));
    query
        .customerId()
        .ifPresent(id -> conditions.add(CriteriaCondition.eq(DialogDocuments.CUSTOMER_ID, id)));
    query
        .language()
        .ifPresent(code -> conditions.add(CriteriaCondition.eq(DialogDocuments.LANGUAGE, code)));
    CriteriaCondition where =
        conditions.size() == 1
            ? conditions.get(0)
            : CriteriaCondition.and(conditions.toArray(CriteriaCondition[]::new));

    long total =
        template.count(SelectQuery.builder().from(DialogDocuments.DIALOGS).where(where).build());
    List<Dialog> page =
        template
            .<Dialog>select(
                SelectQuery.builder()
                    .from(DialogDocuments.DIALOGS)
                    .where(where)
                    .sort(Sort.desc(DialogDocuments.UPDATED_AT), Sort.asc("_id"))
                    .skip(query.skip())
                    .limit(query.size())
                    .build())
            .toList();
    return new DialogPage(withMessages(page), total);
  }

  /** The page's messages in one query, not one per dialog. */
  private List<Transcript> withMessages(List<Dialog> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    Map<String, List<Message>> byDialog =
        messages()
            .find(Filters.in(DialogDocuments.DIALOG_ID, page.stream().map(Dialog::id).toList()))
            .map(document -> DialogDocuments.message(document, cipher))
            .into(new ArrayList<>())
            .stream()
            .sorted(Comparator.comparingLong(Message::seq))
            .collect(Collectors.groupingBy(Message::dialogId));
    return page.stream()
        .map(dialog -> new Transcript(dialog, byDialog.getOrDefault(dialog.id(), List.of())))
        .toList();
  }

  @Override
  public List<Erased> purgeUnconsentedCreatedBefore(Instant cutoff) {
    List<String> candidates =
        dialogs()
            .find(
                and(
                    eq(DialogDocuments.CONSENT, false),
                    lt(DialogDocuments.CREATED_AT, Date.from(cutoff))))
            .projection(Projections.include("_id"))
            .map(document -> document.getString("_id"))
            .into(new ArrayList<>());
    List<Erased> purged = new ArrayList<>();
    for (String dialogId : candidates) {
      // one at a time, and only while still unconsented: a "yes" that arrives meanwhile wins
      Document taken =
          dialogs().findOneAndDelete(and(eq("_id", dialogId), eq(DialogDocuments.CONSENT, false)));
      if (taken != null) {
        purged.add(
            cascade(
                taken.getString(DialogDocuments.CUSTOMER_ID),
                List.of(dialogId),
                List.of(dialogId),
                false));
      }
    }
    return purged;
  }

  private MongoCollection<Document> dialogs() {
    return store.database().getCollection(DialogDocuments.DIALOGS);
  }

  /** What a plugin is waiting for in a dialog: user data too (see MongoPendingActionStore). */
  private MongoCollection<Document> pending() {
    return store.database().getCollection(DialogDocuments.PENDING_ACTIONS);
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(DialogDocuments.MESSAGES);
  }

  private MongoCollection<Document> webChatReplies() {
    return store.database().getCollection(DialogDocuments.WEBCHAT_REPLIES);
  }

  private MongoCollection<Document> webChatUsers() {
    return store.database().getCollection(DialogDocuments.WEBCHAT_USERS);
  }

  private MongoCollection<Document> conversations() {
    return store.database().getCollection(DialogDocuments.CONVERSATIONS);
  }

  static boolean isDuplicateKey(RuntimeException e) {
    if (e instanceof MongoWriteException write) {
      return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    return e instanceof MongoCommandException command
        && ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
  }
}
