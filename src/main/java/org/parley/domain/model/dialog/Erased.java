package org.parley.domain.model.dialog;

import java.util.List;
import java.util.Set;

/**
 * What one erasure took from the store: whose data, which dialogs, and the ids of their messages
 * and replies, which are also the keys the copies outside the store carry (dead letters).
 *
 * @param wholeCustomer true when everything of the customer went, not only these dialogs
 */
public record Erased(
    String customerId, List<String> dialogIds, Set<String> messageIds, boolean wholeCustomer) {

  public Erased {
    dialogIds = List.copyOf(dialogIds);
    messageIds = Set.copyOf(messageIds);
  }

  /** True if there was nothing to erase. */
  public boolean nothing() {
    return dialogIds.isEmpty() && messageIds.isEmpty();
  }
}
