package org.parley.domain.model.dialog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conversation pipeline's writes: a turn is the user's message (stored under its platform id,
 * so a redelivery is recognised by the insert itself) and the bot's replies, each with its delivery
 * state. Implemented by the persistence adapter; every write is a single-document atomic operation,
 * so a turn costs one dialog update and one insert, and the replies one more of each. The consent
 * questions and idle dialogs are {@link ConsentQuestions}, the replies' delivery {@link
 * DeliveryRecords}.
 */
public interface TurnStore {

  /**
   * Continues the customer's open dialog if it was active after {@code idleCutoff}, reserving the
   * next message number; else opens a new, unconsented dialog.
   */
  DialogSlot enter(Participant participant, String language, Instant at, Instant idleCutoff);

  /**
   * Stores the user's message as the turn {@code turn.id()}. If a turn with that id is stored
   * already, nothing is written (the slot's reservation is given back) and the stored turn is
   * returned.
   */
  Optional<StoredTurn> claim(DialogSlot slot, InboundTurn turn);

  /**
   * Stores the replies of a turn as the dialog's next messages, marks the turn answered and, when
   * {@code endDialog}, ends the dialog awaiting the user's consent. Returns the stored replies (no
   * reply is stored when the dialog was erased meanwhile; they are still returned, to be sent).
   */
  List<StoredReply> answer(
      String turnId, String dialogId, List<ReplyRecord> replies, boolean endDialog, Instant at);

  /**
   * Notes why handling the turn (or delivering the reply) failed, counting the failure: it stays
   * unanswered until a redelivery succeeds. Returns the count after this one, or 0 when there is no
   * such turn or reply (or it is answered already).
   */
  int failed(String id, String reason, Instant at);

  /** The failure last recorded for a turn or reply, if any. */
  Optional<Failure> failure(String id);

  /** Why handling a turn or delivering a reply failed, on which attempt, when. */
  record Failure(String reason, int attempts, Instant at) {}

  /** Who a dialog is with on which platform, and where the bot answers them. */
  record Participant(String customerId, String channel, String userId, String conversationRef) {}

  /**
   * A dialog a message goes into, and the message's number in it; {@code handedOff}: a person
   * answers in it, not the bot.
   */
  record DialogSlot(String dialogId, long seq, boolean opened, boolean handedOff) {}

  /** A dialog and whom to ask about it. */
  record DialogRef(String dialogId, Participant participant, String language) {}

  /** The user's message as it was understood. */
  record InboundTurn(
      String id,
      String customerId,
      String channel,
      Message.MessageType type,
      String text,
      String payload,
      String attachmentUrl,
      String language,
      String intent,
      double confidence,
      List<EntityRecord> entities,
      Instant sentAt,
      Instant receivedAt,
      Instant understoodAt) {}

  /** An entity found in the message. */
  record EntityRecord(String type, String value, String text) {}

  /**
   * One reply as stored: its kind, its text and what the platform shows with it ({@code body}: the
   * whole reply, opaque to the store, to send it again).
   */
  record ReplyRecord(
      Message.MessageType type,
      String text,
      List<String> options,
      String url,
      String plugin,
      String body) {}

  /** A stored reply: its id (the turn's id and its position) and its delivery state. */
  record StoredReply(String id, ReplyRecord reply, boolean delivered) {}

  /** A turn found stored already: answered (its replies are stored) or not yet. */
  record StoredTurn(String id, String dialogId, boolean answered, List<StoredReply> replies) {}
}
