package org.parley.application.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.WebChatReplies;
import org.parley.domain.model.audit.AuditLog;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * The retention of what Parley keeps besides dialogs, hourly at :47 on every node (the deletes are
 * by age, so two nodes running them at once delete each entry once): the web chat's copies of
 * delivered replies after {@code parley.retention.webchat-replies}, the audit entries after {@code
 * parley.retention.audit}. Unconsented dialogs have their own purge ({@link
 * UnconsentedDialogPurge}).
 */
@Singleton
public class RetentionPurge {

  private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

  @Inject WebChatReplies webChatReplies;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.RETENTION_WEBCHAT_REPLIES,
      defaultValue = ConfigKeys.RETENTION_WEBCHAT_REPLIES_DEFAULT)
  Duration webChatRetention;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.RETENTION_AUDIT,
      defaultValue = ConfigKeys.RETENTION_AUDIT_DEFAULT)
  Duration auditRetention;

  Clock clock = Clock.systemUTC();

  @Schedule(hour = "*", minute = "47", persistent = false, info = "retention purge")
  public void purge() {
    Instant now = clock.instant();
    long replies = webChatReplies.purgeDeliveredBefore(now.minus(webChatRetention));
    long entries = audit.purgeBefore(now.minus(auditRetention));
    LOG.log(
        Level.INFO,
        "Retention: {0} web chat repl(ies) older than {1}, {2} audit entr(ies) older than {3}"
            + " deleted",
        new Object[] {replies, webChatRetention, entries, auditRetention});
  }
}
