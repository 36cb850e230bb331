package org.parley.application;

import java.util.Optional;
import org.parley.domain.model.dialog.Appended;
import org.parley.domain.model.dialog.DialogPage;
import org.parley.domain.model.dialog.Transcript;

/**
 * Dialogs as other systems and Parley's own pipeline record and read them, under the consent rules:
 * stored without consent first, visible only with consent, deleted completely when consent is
 * refused.
 */
public interface DialogService {

  /**
   * Stores {@code text} as the next message of the customer's dialog, opening it if new.
   *
   * @param requestKey identifies the request (e.g. an Idempotency-Key); null for none
   * @throws InvalidInputException for a blank or too long text, a bad language or id
   * @throws org.parley.domain.model.dialog.DialogOwnedByAnotherCustomerException if the id is taken
   */
  Recorded record(
      String customerId, String dialogId, String text, String language, String requestKey);

  /** Grants (keeps the dialog) or refuses (deletes it and all its messages) consent. */
  void consent(String dialogId, boolean granted);

  /** The customer's dialog, only if consented. */
  Optional<Transcript> consented(String customerId, String dialogId);

  /** Consented dialogs, filtered and paged. */
  DialogPage search(String language, String customerId, int page, int size);

  /** Erases one dialog of the customer; false if there was none. */
  boolean erase(String customerId, String dialogId);

  /** Erases everything the customer has; false if there was nothing. */
  boolean eraseCustomer(String customerId);

  /** Deletes unconsented dialogs older than the retention period; returns how many. */
  long purgeExpiredUnconsented();

  /** What {@link #record} stored and the dialog as it is now. */
  record Recorded(Appended outcome, Transcript transcript) {}
}
