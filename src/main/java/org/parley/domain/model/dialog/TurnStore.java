package org.parley.domain.model.dialog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conversation pipeline's writes, three round trips a turn: the message arrives (one atomic
 * update of the customer's pointer claims its platform id among the customer's last ones and says
 * which dialog it goes into), and once the plugin has answered, the dialog's update reserves the
 * numbers of the message and its replies, and one ordered batch stores the replies and the message.
 * A redelivery is recognised by the claim before anything runs again, and one older than the claims
 * kept by the batch itself (a duplicate key: nothing of it is stored, and the turn stored before is
 * the answer). Implemented by the persistence adapter. The consent questions and idle dialogs are
 * {@link ConsentQuestions}, the replies' delivery {@link DeliveryRecords}.
 */
public interface TurnStore {

  /**
   * The message {@code turnId} of the participant arrives at {@code at}: it is claimed (unless it
   * was, recently) and goes into the customer's open dialog if that was active after {@code
   * idleCutoff} (or is handed off to a person), else into a new, unconsented one.
   */
  Arrival arrive(Participant participant, String turnId, Instant at, Instant idleCutoff);

  /**
   * The turn as stored by an earlier attempt: empty when nothing of it is stored (that attempt
   * failed first), answered when its replies are stored (a turn cut short after storing its replies
   * is completed here).
   */
  Optional<StoredTurn> stored(InboundTurn turn);

  /**
   * Stores the user's message and the replies as the dialog's next messages (the dialog is created
   * if this turn opened it) and, when {@code endDialog}, ends the dialog awaiting the user's
   * consent. Empty when stored; the turn stored before when it was (nothing is then written).
   */
  Optional<StoredTurn> answer(
      DialogSlot slot, InboundTurn turn, List<ReplyRecord> replies, boolean endDialog, Instant at);

  /**
   * Notes why handling the user's message failed, counting the failure (a message not stored yet is
   * stored now, as failed, in the customer's dialog): it stays unanswered until a redelivery
   * succeeds. Returns the count after this one, or 0 when it is answered already.
   */
  int turnFailed(Participant participant, InboundTurn turn, String reason, Instant at);

  /**
   * Notes why delivering the reply failed, counting the failure. Returns the count after this one,
   * or 0 when there is no such reply.
   */
  int failed(String id, String reason, Instant at);

  /** The failure last recorded for a turn or reply, if any. */
  Optional<Failure> failure(String id);

  /** Why handling a turn or delivering a reply failed, on which attempt, when. */
  record Failure(String reason, int attempts, Instant at) {}

  /** Who a dialog is with on which platform, and where the bot answers them. */
  record Participant(String customerId, String channel, String userId, String conversationRef) {}

  /**
   * The dialog a message goes into and whom with; {@code handedOff}: a person answers in it, not
   * the bot; {@code pendingAction}: a plugin waits for an answer in it.
   */
  record DialogSlot(
      String dialogId, Participant participant, boolean handedOff, boolean pendingAction) {}

  /**
   * A message arrived: its dialog; {@code claimedBefore}: it was claimed by an earlier attempt;
   * {@code questionLeft}: the dialog whose consent question the new dialog leaves unanswered.
   */
  record Arrival(DialogSlot slot, boolean claimedBefore, Optional<String> questionLeft) {}

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
