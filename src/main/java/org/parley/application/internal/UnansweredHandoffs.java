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
import org.parley.application.HandoffService;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Every {@code parley.handoff.check}, returns to the bot the conversations that waited longer than
 * {@code parley.handoff.answer-within} for a person, and tells their users. Every node runs it:
 * each return is a conditional write, so one node returns a conversation and tells its user once.
 */
@Singleton
@Startup
public class UnansweredHandoffs {

  private static final Logger LOG = Logger.getLogger(UnansweredHandoffs.class.getName());

  @Inject HandoffService handoffs;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = ConfigKeys.HANDOFF_CHECK, defaultValue = ConfigKeys.HANDOFF_CHECK_DEFAULT)
  Duration every;

  @PostConstruct
  void schedule() {
    long millis = every.toMillis();
    timers.createIntervalTimer(
        millis, millis, new TimerConfig("return unanswered handoffs", false));
  }

  @Timeout
  void returnUnanswered() {
    int returned = handoffs.returnUnanswered(Instant.now());
    if (returned > 0) {
      LOG.info(() -> "Returned " + returned + " conversation(s) no person took to the bot");
    }
  }
}
