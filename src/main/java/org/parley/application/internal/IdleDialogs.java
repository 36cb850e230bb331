package org.parley.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.ConversationService;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Every {@code parley.dialog.idle-check} (a minute), ends the dialogs idle for longer than {@code
 * parley.dialog.idle-timeout} and asks their users for consent (in the timer's transaction, so the
 * questions are queued exactly when the dialogs are marked). Not persistent: a check missed is the
 * next one's.
 *
 * <p>Every node runs this timer. That is safe because each dialog is ended by a conditional write
 * (only while it is still open and idle) and its question is stored under a fixed id: of two nodes
 * checking at once, one ends the dialog and asks, the other finds nothing to do.
 */
@Singleton
@Startup
public class IdleDialogs {

  private static final Logger LOG = Logger.getLogger(IdleDialogs.class.getName());

  @Inject ConversationService conversations;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DIALOG_IDLE_CHECK,
      defaultValue = ConfigKeys.DIALOG_IDLE_CHECK_DEFAULT)
  Duration every;

  @PostConstruct
  void schedule() {
    long millis = every.toMillis();
    timers.createIntervalTimer(millis, millis, new TimerConfig("end idle dialogs", false));
  }

  @Timeout
  void endIdle() {
    int ended = conversations.endIdleDialogs(Instant.now());
    if (ended > 0) {
      LOG.info(() -> "Ended " + ended + " idle dialog(s) and asked for consent");
    }
  }
}
