package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.TurnStore.DialogRef;
import org.parley.domain.model.dialog.TurnStore.EntityRecord;
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

  // the fields of a turn and of a reply the adapters share
  static final String MESSAGE_COUNT = "messageCount";
  static final String LAST_SEQ = "lastSeq";
  static final String CONVERSATION_REF = "conversationRef";
  static final String ASKING = "asking";

  /**
   * On the customer's pointer: the conversation handed to a person ({@code dialogId}, {@code
   * state}, {@code since}, {@code admin}); on that dialog, {@code handedOff: true}, which keeps it
   * open however long the person takes.
   */
  static final String HANDOFF = "handoff";

  /** On the customer's pointer: the platform ids of their last messages, claimed by their turns. */
  static final String CLAIMED = "claimed";

  /** On the customer's pointer: when their last message arrived (their dialog's activity). */
  static final String LAST_AT = "lastAt";

  /** On the customer's pointer: the dialog in which a plugin waits for an answer. */
  static final String PENDING = "pending";

  static final String HANDED_OFF = "handedOff";
  static final String TYPE = "type";
  static final String STATE = "state";
  static final String RECEIVED_AT = "receivedAt";
  static final String INTENT = "intent";
  static final String CONFIDENCE = "confidence";
  static final String PAYLOAD = "payload";
  static final String FAILURE = "failure";
  static final String FAILED_AT = "failedAt";
  static final String ATTEMPTS = "attempts";
  static final String IN_REPLY_TO = "inReplyTo";
  static final String PLUGIN = "plugin";
  static final String OPTIONS = "options";
  static final String URL = "url";
  static final String DELIVERED_AT = "deliveredAt";
  static final String DELIVERY_ATTEMPTS = "deliveryAttempts";
  static final String PLATFORM_MESSAGE_ID = "platformMessageId";

  /** What the platform reported later (WhatsApp's statuses): its state, when, and its error. */
  static final String PLATFORM_STATUS = "platformStatus";

  static final String PLATFORM_STATUS_RANK = "platformStatusRank";
  static final String PLATFORM_STATUS_AT = "platformStatusAt";
  static final String PLATFORM_ERROR = "platformError";

  // dialog text, sealed by DialogCipher (bound to collection, document and field)
  static final String BODY = "body";
  static final String ATTACHMENT_URL = "attachmentUrl";
  static final String ENTITIES = "entities";
  static final String ENTITY_VALUE = "value";

  /** Where an entity's sealed value and text are bound to (one place for all of a message's). */
  private static final String ENTITY_VALUE_FIELD = ENTITIES + "." + ENTITY_VALUE;

  private static final String ENTITY_TEXT_FIELD = ENTITIES + "." + TEXT;

  /** What a plugin collected from the user so far (a pending action's). */
  static final String ATTRIBUTES = "attributes";

  /** A web chat copy's reply, as JSON. */
  static final String REPLY = "reply";

  /**
   * On every document with dialog text: the id of the key its text is sealed with, 0 for plain.
   * What {@link DialogResealer} looks for after a rotation.
   */
  static final String SEALED_WITH = "sealedWith";

  /** The sealed top-level fields of each collection that holds dialog text. */
  static final Map<String, List<String>> SEALED_FIELDS =
      Map.of(
          MESSAGES,
          List.of(TEXT, BODY, ATTACHMENT_URL, FAILURE),
          WEBCHAT_REPLIES,
          List.of(REPLY),
          PENDING_ACTIONS,
          List.of());

  // the states of a turn (the user's message) and of a reply
  static final String RECEIVED = "RECEIVED";
  static final String ANSWERED = "ANSWERED";
  static final String FAILED = "FAILED";
  static final String QUEUED = "QUEUED";
  static final String DELIVERED = "DELIVERED";

  /** A reply the platform refused for good (not sent again): why is in {@link #FAILURE}. */
  static final String REFUSED = "REFUSED";

  private DialogDocuments() {}

  /** Where a sealed value lives: its associated data, so that it opens nowhere else. */
  static String where(String collection, Object id, String field) {
    return collection + "/" + id + "/" + field;
  }

  /** A pending action's attributes as stored: a document in plain mode, else sealed JSON. */
  static Object sealedAttributes(String dialogId, Document attributes, DialogCipher cipher) {
    return cipher.encrypting()
        ? cipher.seal(attributes.toJson(), where(PENDING_ACTIONS, dialogId, ATTRIBUTES))
        : attributes;
  }

  /** A pending action's attributes, opened; null when it has none. */
  static Document openedAttributes(Document pending, DialogCipher cipher) {
    Object stored = pending.get(ATTRIBUTES);
    if (stored == null || stored instanceof Document) {
      return (Document) stored;
    }
    return Document.parse(
        cipher.open(stored, where(PENDING_ACTIONS, pending.get("_id"), ATTRIBUTES)));
  }

  /** A message's entities as stored: the text they were found in and their value, sealed. */
  static List<Document> entities(String messageId, List<EntityRecord> found, DialogCipher cipher) {
    List<Document> entities = new ArrayList<>();
    for (EntityRecord entity : found) {
      entities.add(
          new Document(TYPE, entity.type())
              .append(
                  ENTITY_VALUE,
                  cipher.seal(entity.value(), where(MESSAGES, messageId, ENTITY_VALUE_FIELD)))
              .append(
                  TEXT, cipher.seal(entity.text(), where(MESSAGES, messageId, ENTITY_TEXT_FIELD))));
    }
    return entities;
  }

  /** A sealed field of a stored document, opened. */
  static String opened(Document document, String collection, String field, DialogCipher cipher) {
    return cipher.open(document.get(field), where(collection, document.get("_id"), field));
  }

  /** The entities of a stored message, opened: type, value, text. */
  static List<String[]> openedEntities(Document message, DialogCipher cipher) {
    Object id = message.get("_id");
    return message.getList(ENTITIES, Document.class, List.of()).stream()
        .map(
            e ->
                new String[] {
                  e.getString(TYPE),
                  cipher.open(e.get(ENTITY_VALUE), where(MESSAGES, id, ENTITY_VALUE_FIELD)),
                  cipher.open(e.get(TEXT), where(MESSAGES, id, ENTITY_TEXT_FIELD))
                })
        .toList();
  }

  /**
   * The update that re-seals a stored document's text under {@code cipher}'s primary key (or seals
   * text stored before encryption was turned on), and marks it so.
   *
   * @throws GeneralSecurityException when some of its text does not open with this keyset: then it
   *     is left as it is
   */
  static Bson resealed(Document document, String collection, DialogCipher cipher)
      throws GeneralSecurityException {
    Object id = document.get("_id");
    List<Bson> updates = new ArrayList<>();
    for (String field : SEALED_FIELDS.getOrDefault(collection, List.of())) {
      if (document.get(field) != null) {
        String where = where(collection, id, field);
        updates.add(
            Updates.set(field, cipher.seal(cipher.reopen(document.get(field), where), where)));
      }
    }
    Object attributes = document.get(ATTRIBUTES);
    if (collection.equals(PENDING_ACTIONS) && attributes != null) {
      Document plain =
          attributes instanceof Document stored
              ? stored
              : Document.parse(cipher.reopen(attributes, where(PENDING_ACTIONS, id, ATTRIBUTES)));
      updates.add(Updates.set(ATTRIBUTES, sealedAttributes(id.toString(), plain, cipher)));
    }
    if (collection.equals(MESSAGES) && document.get(ENTITIES) != null) {
      List<EntityRecord> found = new ArrayList<>();
      for (Document entity : document.getList(ENTITIES, Document.class)) {
        found.add(
            new EntityRecord(
                entity.getString(TYPE),
                cipher.reopen(entity.get(ENTITY_VALUE), where(MESSAGES, id, ENTITY_VALUE_FIELD)),
                cipher.reopen(entity.get(TEXT), where(MESSAGES, id, ENTITY_TEXT_FIELD))));
      }
      updates.add(Updates.set(ENTITIES, entities(id.toString(), found, cipher)));
    }
    updates.add(Updates.set(SEALED_WITH, cipher.mark()));
    return Updates.combine(updates);
  }

  /** A stored reply, queued: the dialog's next message. */
  static Document reply(
      String id,
      String turnId,
      String dialogId,
      Document dialog,
      long seq,
      ReplyRecord reply,
      Date now,
      DialogCipher cipher) {
    return new Document("_id", id)
        .append(DIALOG_ID, dialogId)
        .append(CUSTOMER_ID, dialog.getString(CUSTOMER_ID))
        .append(CHANNEL, dialog.getString(CHANNEL))
        .append(SEQ, seq)
        .append(DIRECTION, Message.Direction.OUTBOUND.name())
        .append(TYPE, reply.type().name())
        .append(TEXT, cipher.seal(reply.text(), where(MESSAGES, id, TEXT)))
        .append(OPTIONS, reply.options())
        .append(URL, reply.url())
        .append(LANGUAGE, dialog.getString(LANGUAGE))
        .append(IN_REPLY_TO, turnId)
        .append(PLUGIN, reply.plugin())
        .append(BODY, cipher.seal(reply.body(), where(MESSAGES, id, BODY)))
        .append(CREATED_AT, now)
        .append("queuedAt", now)
        .append(DELIVERY_STATE, QUEUED)
        .append(DELIVERY_ATTEMPTS, 0)
        .append(SEALED_WITH, cipher.mark());
  }

  /** A stored message as the domain reads it, its text opened. */
  static Message message(Document m, DialogCipher cipher) {
    Date created = m.getDate(CREATED_AT);
    return new Message(
        m.getString("_id"),
        m.getString(DIALOG_ID),
        m.getString(CUSTOMER_ID),
        m.get(SEQ, Number.class).longValue(),
        Message.Direction.valueOf(m.getString(DIRECTION)),
        Message.MessageType.valueOf(m.getString(TYPE)),
        opened(m, MESSAGES, TEXT, cipher),
        m.getString(LANGUAGE),
        created == null ? null : created.toInstant());
  }

  /** The dialog, as the pipeline refers to it. */
  static DialogRef ref(Document dialog) {
    return new DialogRef(
        dialog.getString("_id"),
        new Participant(
            dialog.getString(CUSTOMER_ID),
            dialog.getString(CHANNEL),
            dialog.getString(USER_ID),
            dialog.getString(CONVERSATION_REF)),
        dialog.getString(LANGUAGE));
  }

  /** Notes on the customer's pointer which dialog's consent question is open. */
  static void asking(MongoCollection<Document> conversations, String customerId, String dialogId) {
    conversations.updateOne(
        eq("_id", customerId), Updates.set(ASKING, dialogId), new UpdateOptions().upsert(true));
  }
}
