package org.parley.domain.model.dialog;

import java.time.Instant;
import java.util.Optional;

/**
 * Where dialogs and their messages are kept. Implemented by the persistence adapter; every
 * operation is safe against concurrent appends to the same dialog.
 */
public interface DialogStore {

  /**
   * Appends the message as the dialog's next one, opening the dialog (without consent) if it is
   * new.
   *
   * @throws DialogOwnedByAnotherCustomerException if the dialog id belongs to another customer
   */
  Appended append(NewMessage message);

  /** The dialog with its messages in order, consented or not. */
  Optional<Transcript> transcript(String dialogId);

  /** Marks the dialog consented; false if there is no such dialog. Idempotent. */
  boolean grantConsent(String dialogId);

  /** Deletes the customer's dialog and all of its messages; false if nothing matched. */
  boolean erase(String customerId, String dialogId);

  /** Deletes every dialog and message of the customer; returns how many dialogs went. */
  long eraseCustomer(String customerId);

  /** Consented dialogs matching the query, most recently updated first, then by id. */
  DialogPage consentedDialogs(DialogQuery query);

  /** Deletes the unconsented dialogs created before {@code cutoff}, with their messages. */
  long purgeUnconsentedCreatedBefore(Instant cutoff);
}
