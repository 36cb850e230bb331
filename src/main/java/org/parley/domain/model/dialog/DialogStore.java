package org.parley.domain.model.dialog;

import java.time.Instant;
import java.util.List;
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

  /**
   * Deletes the customer's dialog with every copy the store keeps of it: its messages, the plugin's
   * pending action, the web chat's copies of its replies, the pointers to it. The consent "no", the
   * DataAPI's and the console's erase, and the purge all go through the one cascade behind this.
   */
  Erased erase(String customerId, String dialogId);

  /**
   * Deletes everything the store keeps of the customer: every dialog with all its copies, the
   * customer's conversation pointer and ordering numbers, the web chat counter.
   */
  Erased eraseCustomer(String customerId);

  /** Consented dialogs matching the query, most recently updated first, then by id. */
  DialogPage consentedDialogs(DialogQuery query);

  /**
   * Deletes the unconsented dialogs created before {@code cutoff}, each through the cascade of
   * {@link #erase} and only while it is still unconsented (a "yes" meanwhile wins).
   */
  List<Erased> purgeUnconsentedCreatedBefore(Instant cutoff);
}
