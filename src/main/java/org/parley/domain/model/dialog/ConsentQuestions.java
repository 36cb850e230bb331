package org.parley.domain.model.dialog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.domain.model.dialog.TurnStore.DialogRef;
import org.parley.domain.model.dialog.TurnStore.ReplyRecord;
import org.parley.domain.model.dialog.TurnStore.StoredReply;

/**
 * The end of a dialog: which dialog's consent question is open for a customer, the dialogs idle for
 * too long, and the question asked after the idle timeout. Every write is conditional, so that
 * several nodes doing the same ask each dialog once.
 */
public interface ConsentQuestions {

  /** The customer's most recent dialog that waits for a consent answer. */
  Optional<DialogRef> awaitingConsent(String customerId);

  /** The consent question was answered or passed over: the dialog is ended. */
  void endConsentQuestion(String dialogId);

  /**
   * Ends the dialogs that stayed open without a message since {@code cutoff} (at most {@code
   * limit}), marking them awaiting consent; returns them so the bot can ask.
   */
  List<DialogRef> endIdle(Instant cutoff, int limit, Instant at);

  /** Stores the consent question asked after the idle timeout as the dialog's next message. */
  Optional<StoredReply> ask(String dialogId, ReplyRecord question, Instant at);
}
