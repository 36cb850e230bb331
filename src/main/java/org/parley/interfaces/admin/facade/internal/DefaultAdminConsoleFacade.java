package org.parley.interfaces.admin.facade.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parley.application.DeadLetters;
import org.parley.application.DialogService;
import org.parley.application.HandoffService;
import org.parley.application.InvalidInputException;
import org.parley.application.QueueDepths;
import org.parley.domain.model.audit.AuditAction;
import org.parley.domain.model.audit.AuditEntry;
import org.parley.domain.model.audit.AuditLog;
import org.parley.domain.model.dialog.ActivityReports;
import org.parley.domain.model.dialog.ConversationQueries;
import org.parley.domain.model.dialog.ConversationQueries.DialogSummary;
import org.parley.domain.model.dialog.ConversationQueries.Direction;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.AuditEntryDto;
import org.parley.interfaces.admin.facade.dto.ConversationFilterDto;
import org.parley.interfaces.admin.facade.dto.ConversationPageDto;
import org.parley.interfaces.admin.facade.dto.DashboardDto;
import org.parley.interfaces.admin.facade.dto.DeadLetterDto;
import org.parley.interfaces.admin.facade.dto.HandoffDto;
import org.parley.interfaces.admin.facade.dto.PluginStatusDto;
import org.parley.interfaces.admin.facade.dto.TranscriptDto;
import org.parley.interfaces.admin.facade.internal.assembler.ConversationDtoAssembler;
import org.parley.interfaces.admin.facade.internal.assembler.DashboardDtoAssembler;
import org.parley.interfaces.admin.facade.internal.assembler.HandoffDtoAssembler;
import org.parley.interfaces.admin.facade.internal.assembler.OperationsDtoAssembler;
import org.parley.interfaces.admin.facade.internal.assembler.TranscriptDtoAssembler;
import org.parley.plugin.internal.PluginRegistry;

/**
 * The console facade as a stateless EJB, so that the role is checked by the container on every
 * call, whatever screen calls it (the access filter is the first line, this the second). No JTA
 * transaction: the store is not transactional and dead letters move in their own JMS transaction.
 */
@Stateless
@RolesAllowed("admin")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultAdminConsoleFacade implements AdminConsoleFacade {

  /** The dashboard's window: per-minute counts and response times over the last 15 minutes. */
  static final Duration WINDOW = Duration.ofMinutes(15);

  static final int MAX_PAGE = 100;
  static final int REPLAY_ALL_MAX = 10_000;

  /** A refused name is recorded as typed, up to this length. */
  static final int MAX_NAME = 100;

  @Resource SessionContext session;
  @Inject ConversationQueries conversations;
  @Inject ActivityReports activity;
  @Inject QueueDepths queues;
  @Inject DeadLetters deadLetters;
  @Inject DialogService dialogs;
  @Inject PluginRegistry plugins;
  @Inject AuditLog audit;
  @Inject HandoffService handoffs;
  Clock clock = Clock.systemUTC();

  static final String TEXT_SEARCH_OFF =
      "Text search is off: dialog text is encrypted at rest, so the store holds no text to match."
          + " Find the conversation by customer, channel, consent or dates";

  @Override
  public boolean textSearchable() {
    return conversations.textSearchable();
  }

  @Override
  public ConversationPageDto conversations(
      ConversationFilterDto filter, String cursor, boolean newer, int size) {
    int limit = Math.max(1, Math.min(MAX_PAGE, size));
    Optional<ConversationQueries.Cursor> position = ConversationDtoAssembler.toCursor(cursor);
    ConversationQueries.ConversationFilter where = ConversationDtoAssembler.toFilter(filter);
    if (where.text().isPresent() && !conversations.textSearchable()) {
      throw new InvalidInputException("text", TEXT_SEARCH_OFF);
    }
    List<DialogSummary> fetched =
        conversations.dialogs(
            where, position, newer ? Direction.NEWER : Direction.OLDER, limit + 1);
    return ConversationDtoAssembler.toPage(fetched, limit, position.isPresent(), newer);
  }

  @Override
  public Optional<TranscriptDto> transcript(String dialogId) {
    Optional<TranscriptDto> transcript =
        conversations.conversation(dialogId).map(TranscriptDtoAssembler::toDto);
    transcript.ifPresent(
        t ->
            audited(
                AuditAction.VIEWED_TRANSCRIPT, dialogId, "customer " + t.dialog().customerId()));
    return transcript;
  }

  @Override
  public Optional<TranscriptDto> followTranscript(String dialogId) {
    return conversations.conversation(dialogId).map(TranscriptDtoAssembler::toDto);
  }

  @Override
  public List<HandoffDto> handoffs() {
    Instant now = clock.instant();
    return handoffs.queue().stream().map(h -> HandoffDtoAssembler.toDto(h, now)).toList();
  }

  @Override
  public Optional<HandoffDto> handoff(String dialogId) {
    return handoffs.of(dialogId).map(h -> HandoffDtoAssembler.toDto(h, clock.instant()));
  }

  @Override
  public HandoffDto takeOver(String dialogId) {
    return HandoffDtoAssembler.toDto(handoffs.takeOver(dialogId, caller()), clock.instant());
  }

  @Override
  public void replyAsPerson(String dialogId, String text) {
    handoffs.reply(dialogId, caller(), text);
  }

  @Override
  public void handBack(String dialogId) {
    handoffs.handBack(dialogId, caller());
  }

  @Override
  public DashboardDto dashboard() {
    Instant now = clock.instant();
    Instant until = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant since = until.minus(WINDOW);
    return DashboardDtoAssembler.toDto(
        now,
        since,
        until,
        activity.messagesPerMinute(since, until),
        activity.responseTimes(since, until),
        activity.dialogsByConsent(),
        queues.now());
  }

  @Override
  public List<DeadLetterDto> deadLetters(int max) {
    List<DeadLetterDto> letters = new ArrayList<>();
    for (DeadLetters.Queue queue : DeadLetters.Queue.values()) {
      deadLetters.list(queue, max).stream()
          .map(OperationsDtoAssembler::toDto)
          .forEach(letters::add);
    }
    return letters;
  }

  @Override
  public boolean replay(String queue, String id) {
    boolean replayed = deadLetters.replay(queue(queue), id);
    if (replayed) {
      audited(AuditAction.REPLAYED_DEAD_LETTER, id, queue);
    }
    return replayed;
  }

  @Override
  public int replayAll() {
    int replayed = 0;
    for (DeadLetters.Queue queue : DeadLetters.Queue.values()) {
      int count = deadLetters.replayAll(queue, REPLAY_ALL_MAX);
      if (count > 0) {
        audited(AuditAction.REPLAYED_DEAD_LETTER, "all of " + queue, count + " replayed");
      }
      replayed += count;
    }
    return replayed;
  }

  @Override
  public boolean discard(String queue, String id) {
    boolean discarded = deadLetters.discard(queue(queue), id);
    if (discarded) {
      audited(AuditAction.DISCARDED_DEAD_LETTER, id, queue);
    }
    return discarded;
  }

  private static DeadLetters.Queue queue(String name) {
    try {
      return DeadLetters.Queue.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException("queue", "No dead-letter queue " + name);
    }
  }

  @Override
  public List<PluginStatusDto> plugins() {
    return plugins.plugins().stream()
        .map(
            plugin -> {
              String name = plugin.descriptor().name();
              boolean connected = plugins.connected(name);
              return OperationsDtoAssembler.toDto(
                  plugin.descriptor(), connected, connected ? plugin.health() : null);
            })
        .toList();
  }

  @Override
  public boolean connectPlugin(String name, boolean connect) {
    boolean known = connect ? plugins.connect(name) : plugins.close(name);
    if (known) {
      audited(connect ? AuditAction.CONNECTED_PLUGIN : AuditAction.CLOSED_PLUGIN, name, null);
    }
    return known;
  }

  @Override
  public boolean eraseDialog(String customerId, String dialogId) {
    boolean erased = dialogs.erase(customerId, dialogId);
    if (erased) {
      audited(AuditAction.ERASED_DIALOG, dialogId, "customer " + customerId);
    }
    return erased;
  }

  @Override
  public boolean eraseCustomer(String customerId) {
    boolean erased = dialogs.eraseCustomer(customerId);
    if (erased) {
      audited(AuditAction.ERASED_CUSTOMER, customerId, null);
    }
    return erased;
  }

  @Override
  public List<AuditEntryDto> audit(String beforeId, String action, int limit) {
    Optional<AuditAction> kind;
    try {
      kind =
          action == null || action.isBlank()
              ? Optional.empty()
              : Optional.of(AuditAction.valueOf(action));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("action", "Unknown action " + action);
    }
    return audit
        .newest(
            Optional.ofNullable(beforeId).filter(s -> !s.isBlank()),
            kind,
            Math.min(limit, MAX_PAGE))
        .stream()
        .map(OperationsDtoAssembler::toDto)
        .toList();
  }

  @Override
  public List<String> auditActions() {
    return Arrays.stream(AuditAction.values()).map(Enum::name).toList();
  }

  @Override
  @PermitAll
  public void signedIn(String who) {
    audit.record(AuditEntry.of(clock.instant(), who, AuditAction.SIGNED_IN, who, null));
  }

  @Override
  @PermitAll
  public void signedOut(String who) {
    audit.record(AuditEntry.of(clock.instant(), who, AuditAction.SIGNED_OUT, who, null));
  }

  @Override
  @PermitAll
  public void signInRefused(String who) {
    String tried = capped(who);
    audit.record(
        AuditEntry.of(
            clock.instant(), tried, AuditAction.SIGN_IN_REFUSED, tried, "wrong name or password"));
  }

  @Override
  @PermitAll
  public void signInLockedOut(String who, String why) {
    String tried = capped(who);
    audit.record(AuditEntry.of(clock.instant(), tried, AuditAction.SIGN_IN_LOCKED_OUT, tried, why));
  }

  private static String capped(String who) {
    return who.length() > MAX_NAME ? who.substring(0, MAX_NAME) + "\u2026" : who;
  }

  private void audited(AuditAction action, String target, String detail) {
    audit.record(AuditEntry.of(clock.instant(), caller(), action, target, detail));
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
