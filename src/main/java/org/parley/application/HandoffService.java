package org.parley.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.domain.model.handoff.Handoffs.Handoff;

/**
 * A person in the loop: an admin takes a conversation over (the user asked for one, or not),
 * answers in it through the same outbound queue as the bot, and hands it back. Every step is
 * audited. A conversation nobody takes in time goes back to the bot, and its user is told.
 */
public interface HandoffService {

  /** The handoff of the dialog's conversation, if it is handed off. */
  Optional<Handoff> of(String dialogId);

  /** The conversations waiting for a person or held by one, the longest waiting first. */
  List<Handoff> queue();

  /**
   * {@code admin} takes the dialog's conversation over.
   *
   * @throws HandoffRefusedException when the dialog is not its customer's open dialog, or another
   *     admin holds it
   */
  Handoff takeOver(String dialogId, String admin);

  /**
   * Sends {@code text} to the user as {@code admin}'s reply, stored in the dialog with a delivery
   * state; returns its id.
   *
   * @throws InvalidInputException when the text is blank or too long
   * @throws HandoffRefusedException when {@code admin} does not hold the conversation
   */
  String reply(String dialogId, String admin, String text);

  /**
   * Returns the conversation to the bot.
   *
   * @throws HandoffRefusedException when it is not handed off
   */
  Handoff handBack(String dialogId, String admin);

  /**
   * Returns to the bot every conversation that waited for a person since before {@code now} minus
   * {@code parley.handoff.answer-within}, telling each user; returns how many.
   */
  int returnUnanswered(Instant now);

  /** Refused because of the conversation's state, which the message describes. */
  class HandoffRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HandoffRefusedException(String message) {
      super(message);
    }
  }
}
