package org.parley.domain.model.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.domain.model.dialog.TurnStore.Participant;
import org.parley.domain.model.dialog.TurnStore.ReplyRecord;

/**
 * The handoff state of each customer, and the person's replies. Each change is one conditional
 * write, so two admins (or two nodes' timers) acting at once cannot both win: the loser is told
 * what the conversation is now.
 */
public interface Handoffs {

  /**
   * The user asked for a person in their open dialog: the conversation waits for one. Returns false
   * when it is handed off already (waiting or taken), which leaves it as it is.
   */
  boolean request(String customerId, String dialogId, Instant at);

  /**
   * An admin takes the conversation of the dialog {@code dialogId} over, whether it waits for a
   * person or not. Refused (empty) when the dialog is not its customer's open dialog or another
   * admin holds it.
   */
  Optional<Handoff> take(String dialogId, String admin, Instant at);

  /**
   * Returns the conversation of the dialog to the bot; empty if it was not handed off. {@code
   * waitingSince}, when given, hands back only a conversation still waiting since before it (the
   * timeout, which must not take a conversation an admin took meanwhile).
   */
  Optional<Handoff> handBack(String dialogId, Optional<Instant> waitingSince);

  /** The handoff of the dialog's conversation, if it is handed off. */
  Optional<Handoff> of(String dialogId);

  /** Every conversation handed off, the longest waiting first. */
  List<Handoff> queue(int limit);

  /** The conversations waiting for a person since before {@code cutoff}, at most {@code limit}. */
  List<Handoff> waitingSince(Instant cutoff, int limit);

  /**
   * Stores a person's reply as the dialog's next message, queued for delivery under {@code
   * replyId}; false when the dialog is gone.
   */
  boolean reply(String dialogId, String replyId, ReplyRecord reply, Instant at);

  /** Waiting for a person, or held by one. */
  enum State {
    WAITING,
    TAKEN
  }

  /**
   * A conversation handed off: its dialog and who is in it, since when it waits (or was taken), and
   * which admin holds it (null while waiting).
   */
  record Handoff(
      String customerId,
      String dialogId,
      Participant participant,
      String language,
      State state,
      Instant since,
      String admin) {}
}
