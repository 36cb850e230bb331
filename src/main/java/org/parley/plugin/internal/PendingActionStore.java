package org.parley.plugin.internal;

import java.util.Optional;

/** Where a dialog's pending action waits for the user's next message (one per dialog at most). */
public interface PendingActionStore {

  Optional<PendingAction> find(String dialogId);

  void save(String dialogId, String customerId, PendingAction pending);

  void clear(String dialogId);
}
