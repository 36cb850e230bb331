package org.parley.application.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.parley.application.DialogService;

/**
 * Deletes unconsented dialogs past the retention period ({@code parley.retention.unconsented}),
 * every hour at :17. Not persistent: a run missed while the server was down is simply the next
 * hour's.
 */
@Singleton
public class UnconsentedDialogPurge {

  @Inject DialogService dialogs;

  @Schedule(hour = "*", minute = "17", persistent = false, info = "purge unconsented dialogs")
  void purge() {
    dialogs.purgeExpiredUnconsented();
  }
}
