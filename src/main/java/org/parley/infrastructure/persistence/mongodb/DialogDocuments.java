package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import org.bson.Document;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.TurnStore.DialogRef;
import org.parley.domain.model.dialog.TurnStore.Participant;
import org.parley.domain.model.dialog.TurnStore.ReplyRecord;

/**
 * What the pipeline's adapters ({@link MongoTurnStore}, {@link MongoConsentQuestions}, {@link
 * MongoDeliveryRecords}) share about the dialog store's documents: the states a turn and a reply go
 * through, how a stored reply is written, how a dialog is read as a reference to it, and the
 * customer's pointer to the dialog whose consent question is open.
 */
final class DialogDocuments {

  // the collections, and what each holds of a customer
  /** A customer's dialogs: who, where, consent, status, times. */
  static final String DIALOGS = "dialogs";

  /** Every message of a dialog, the user's and the bot's: texts, entities, delivery state. */
  static final String MESSAGES = "messages";

  /**
   * One per customer ({@code _id}): the dialog their next message goes into, the one whose consent
   * question is open, and the ordering numbers on several nodes.
   */
  static final String CONVERSATIONS = "conversations";

  /** What a plugin waits for in a dialog (one per dialog). */
  static final String PENDING_ACTIONS = "pending_actions";

  /** The web chat's copies of delivered replies, for the browser. */
  static final String WEBCHAT_REPLIES = "webchat_replies";

  /** The web chat's reply counter per user. */
  static final String WEBCHAT_USERS = "webchat_users";

  /** Who did what in the console (ids, never a message text). */
  static final String AUDIT_LOG = "audit_log";

  /** The plugins an admin closed or connected (no customer data). */
  static final String PLUGIN_SWITCHES = "plugin_switches";

  // the fields the adapters share (a dialog's, a message's; several are on both)
  static final String CUSTOMER_ID = "customerId";
  static final String DIALOG_ID = "dialogId";
  static final String USER_ID = "userId";
  static final String CHANNEL = "channel";
  static final String DIRECTION = "direction";
  static final String SEQ = "seq";
  static final String STATUS = "status";
  static final String CONSENT = "consent";
  static final String DELIVERY_STATE = "deliveryState";
  static final String TEXT = "text";
  static final String CREATED_AT = "createdAt";
  static final String UPDATED_AT = "updatedAt";
  static final String LANGUAGE = "language";

  // the states of a turn (the user's message) and of a reply
  static final String RECEIVED = "RECEIVED";
  static final String ANSWERED = "ANSWERED";
  static final String FAILED = "FAILED";
  static final String QUEUED = "QUEUED";
  static final String DELIVERED = "DELIVERED";

  private DialogDocuments() {}

  /** A stored reply, queued: the dialog's next message. */
  static Document reply(
      String id,
      String turnId,
      String dialogId,
      Document dialog,
      long seq,
      ReplyRecord reply,
      Date now) {
    return new Document("_id", id)
        .append(DIALOG_ID, dialogId)
        .append(CUSTOMER_ID, dialog.getString(CUSTOMER_ID))
        .append(CHANNEL, dialog.getString(CHANNEL))
        .append(SEQ, seq)
        .append(DIRECTION, Message.Direction.OUTBOUND.name())
        .append("type", reply.type().name())
        .append(TEXT, reply.text())
        .append("options", reply.options())
        .append("url", reply.url())
        .append(LANGUAGE, dialog.getString(LANGUAGE))
        .append("inReplyTo", turnId)
        .append("plugin", reply.plugin())
        .append("body", reply.body())
        .append(CREATED_AT, now)
        .append("queuedAt", now)
        .append(DELIVERY_STATE, QUEUED)
        .append("deliveryAttempts", 0);
  }

  /** The dialog, as the pipeline refers to it. */
  static DialogRef ref(Document dialog) {
    return new DialogRef(
        dialog.getString("_id"),
        new Participant(
            dialog.getString(CUSTOMER_ID),
            dialog.getString(CHANNEL),
            dialog.getString(USER_ID),
            dialog.getString("conversationRef")),
        dialog.getString(LANGUAGE));
  }

  /** Notes on the customer's pointer which dialog's consent question is open. */
  static void asking(MongoCollection<Document> conversations, String customerId, String dialogId) {
    conversations.updateOne(
        eq("_id", customerId), Updates.set("asking", dialogId), new UpdateOptions().upsert(true));
  }
}
