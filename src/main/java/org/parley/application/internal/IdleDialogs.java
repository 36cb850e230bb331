package org.parley.application.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.parley.application.ConversationService;

/**
 * Every minute, ends the dialogs idle for longer than {@code parley.dialog.idle-timeout} and asks
 * their users for consent (in the timer's transaction, so the questions are queued exactly when the
 * dialogs are marked). Not persistent: a minute missed is the next minute's.
 */
@Singleton
public class IdleDialogs {

  private static final Logger LOG = Logger.getLogger(IdleDialogs.class.getName());

  @Inject ConversationService conversations;

  @Schedule(hour = "*", minute = "*", persistent = false, info = "end idle dialogs")
  void endIdle() {
    int ended = conversations.endIdleDialogs(Instant.now());
    if (ended > 0) {
      LOG.info(() -> "Ended " + ended + " idle dialog(s) and asked for consent");
    }
  }
}
