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
import com.mongodb.client.model.Updates;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.MessageRepository;
import org.parley.domain.model.dialog.NewMessage;
import org.parley.domain.model.dialog.Transcript;

/**
 * Dialogs in MongoDB. Reads go through JNoSQL (repositories and the document template); writes that
 * must be atomic under concurrency use the driver's update operators, so an append is one dialog
 * update and one message insert, and nothing rewrites a whole dialog.
 */
@ApplicationScoped
public class MongoDialogStore implements DialogStore {

  static final String DIALOGS = "dialogs";
  static final String MESSAGES = "messages";

  @Inject MongoDocumentStore store;
  @Inject DialogRepository dialogRepository;
  @Inject MessageRepository messageRepository;
  @Inject DocumentTemplate template;

  @Override
  public Appended append(NewMessage message) {
    String messageId;
    if (message.requestKey() == null) {
      messageId = message.dialogId() + "/" + UUID.randomUUID();
    } else {
      // a retry must not touch the dialog (its updatedAt, its language): look before counting
      messageId = message.dialogId() + "/" + message.requestKey();
      if (messages().countDocuments(eq("_id", messageId)) > 0) {
        return Appended.ALREADY_STORED;
      }
    }
    Date at = Date.from(message.at());
    Document dialog = incrementMessageCount(message, at);
    long seq = dialog.get("lastSeq", Number.class).longValue();
    boolean opened = dialog.get("messageCount", Number.class).longValue() == 1;
    try {
      messages()
          .insertOne(
              new Document("_id", messageId)
                  .append("dialogId", message.dialogId())
                  .append("customerId", message.customerId())
                  .append("seq", seq)
                  .append("direction", Message.Direction.INBOUND.name())
                  .append("type", Message.MessageType.TEXT.name())
                  .append("text", message.text())
                  .append("language", message.language())
                  .append("createdAt", at));
    } catch (RuntimeException e) {
      // the count went up for a message that is not there: take it back. lastSeq stays, so a seq
      // number is never handed out twice (a gap is harmless; a repeated seq would collide)
      dialogs().updateOne(eq("_id", message.dialogId()), Updates.inc("messageCount", -1L));
      if (isDuplicateKey(e)) {
        return Appended.ALREADY_STORED; // the same request, stored concurrently
      }
      throw e;
    }
    return opened ? Appended.OPENED_DIALOG : Appended.CONTINUED_DIALOG;
  }

  /**
   * Opens the dialog or counts the new message in it, atomically. The result holds the message's
   * number ({@code lastSeq}) and the dialog's message count.
   */
  private Document incrementMessageCount(NewMessage message, Date at) {
    Bson update =
        Updates.combine(
            Updates.inc("messageCount", 1L),
            Updates.inc("lastSeq", 1L),
            Updates.set("updatedAt", at),
            Updates.set("language", message.language()),
            Updates.setOnInsert("channel", message.channel()),
            Updates.setOnInsert("consent", false),
            Updates.setOnInsert("status", DialogStatus.OPEN.name()),
            Updates.setOnInsert("createdAt", at));
    try {
      return dialogs()
          .findOneAndUpdate(
              and(eq("_id", message.dialogId()), eq("customerId", message.customerId())),
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
                new Transcript(dialog, messageRepository.findByDialogIdOrderBySeqAsc(dialogId)));
  }

  @Override
  public boolean grantConsent(String dialogId) {
    return dialogs().updateOne(eq("_id", dialogId), Updates.set("consent", true)).getMatchedCount()
        > 0;
  }

  @Override
  public boolean erase(String customerId, String dialogId) {
    eraseWebChatCopies(and(eq("dialogId", dialogId), eq("customerId", customerId)));
    // messages first: a crash in between leaves an empty unconsented dialog, which the purge
    // removes
    long messages =
        messages()
            .deleteMany(and(eq("dialogId", dialogId), eq("customerId", customerId)))
            .getDeletedCount();
    long dialogs =
        dialogs()
            .deleteOne(and(eq("_id", dialogId), eq("customerId", customerId)))
            .getDeletedCount();
    pending().deleteOne(and(eq("_id", dialogId), eq("customerId", customerId)));
    return messages + dialogs > 0;
  }

  /**
   * The web chat's copies of the dialog's replies ({@code webchat_replies}, under the same ids as
   * the outbound messages): without this a "no" left them readable at {@code GET /chat/messages}.
   * Called before the messages go, since their ids are how the copies are found.
   */
  private void eraseWebChatCopies(Bson messagesOfTheDialog) {
    List<String> replyIds =
        messages()
            .find(and(messagesOfTheDialog, eq("direction", Message.Direction.OUTBOUND.name())))
            .projection(Projections.include("_id"))
            .map(document -> document.getString("_id"))
            .into(new ArrayList<>());
    if (!replyIds.isEmpty()) {
      store
          .database()
          .getCollection(MongoWebChatReplies.REPLIES)
          .deleteMany(Filters.in("_id", replyIds));
    }
  }

  @Override
  public long eraseCustomer(String customerId) {
    messages().deleteMany(eq("customerId", customerId));
    pending().deleteMany(eq("customerId", customerId));
    store
        .database()
        .getCollection(MongoWebChatReplies.REPLIES)
        .deleteMany(eq("customerId", customerId));
    store.database().getCollection(MongoTurnStore.CONVERSATIONS).deleteOne(eq("_id", customerId));
    return dialogs().deleteMany(eq("customerId", customerId)).getDeletedCount();
  }

  @Override
  public DialogPage consentedDialogs(DialogQuery query) {
    List<CriteriaCondition> conditions = new ArrayList<>();
    conditions.add(CriteriaCondition.eq("consent", true));
    query.customerId().ifPresent(id -> conditions.add(CriteriaCondition.eq("customerId", id)));
    query.language().ifPresent(code -> conditions.add(CriteriaCondition.eq("language", code)));
    CriteriaCondition where =
        conditions.size() == 1
            ? conditions.get(0)
            : CriteriaCondition.and(conditions.toArray(CriteriaCondition[]::new));

    long total = template.count(SelectQuery.builder().from(DIALOGS).where(where).build());
    List<Dialog> page =
        template
            .<Dialog>select(
                SelectQuery.builder()
                    .from(DIALOGS)
                    .where(where)
                    .sort(Sort.desc("updatedAt"), Sort.asc("_id"))
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
        messageRepository.findByDialogIdIn(page.stream().map(Dialog::id).toList()).stream()
            .sorted(Comparator.comparingLong(Message::seq))
            .collect(Collectors.groupingBy(Message::dialogId));
    return page.stream()
        .map(dialog -> new Transcript(dialog, byDialog.getOrDefault(dialog.id(), List.of())))
        .toList();
  }

  @Override
  public long purgeUnconsentedCreatedBefore(Instant cutoff) {
    List<String> candidates =
        dialogs()
            .find(and(eq("consent", false), lt("createdAt", Date.from(cutoff))))
            .projection(Projections.include("_id"))
            .map(document -> document.getString("_id"))
            .into(new ArrayList<>());
    long purged = 0;
    for (String dialogId : candidates) {
      // one at a time, and only while still unconsented: a "yes" that arrives meanwhile wins
      if (dialogs().findOneAndDelete(and(eq("_id", dialogId), eq("consent", false))) != null) {
        eraseWebChatCopies(eq("dialogId", dialogId));
        messages().deleteMany(eq("dialogId", dialogId));
        pending().deleteOne(eq("_id", dialogId));
        purged++;
      }
    }
    return purged;
  }

  private MongoCollection<Document> dialogs() {
    return store.database().getCollection(DIALOGS);
  }

  /** What a plugin is waiting for in a dialog: user data too (see MongoPendingActionStore). */
  private MongoCollection<Document> pending() {
    return store.database().getCollection(MongoPendingActionStore.PENDING);
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(MESSAGES);
  }

  static boolean isDuplicateKey(RuntimeException e) {
    if (e instanceof MongoWriteException write) {
      return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
    return e instanceof MongoCommandException command
        && ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
  }
}
