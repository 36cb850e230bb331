package org.parley.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.HandoffService;
import org.parley.application.InvalidInputException;
import org.parley.application.OutboundQueue;
import org.parley.application.OutboundReply;
import org.parley.domain.model.audit.AuditAction;
import org.parley.domain.model.audit.AuditEntry;
import org.parley.domain.model.audit.AuditLog;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.TurnStore;
import org.parley.domain.model.dialog.TurnStore.ReplyRecord;
import org.parley.domain.model.handoff.Handoffs;
import org.parley.domain.model.handoff.Handoffs.Handoff;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.plugin.api.Reply;

/**
 * The person's side of a handoff. A person's reply is stored as the dialog's next message before it
 * is queued (so the transcript shows it with its delivery state from the start) and goes out
 * through the outbound queue in the user's message group, behind whatever the bot queued before.
 */
@ApplicationScoped
public class DefaultHandoffService implements HandoffService {

  /** Who the audit names for what the timer does. */
  static final String TIMER = "parley";

  private static final Logger LOG = Logger.getLogger(DefaultHandoffService.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final int QUEUE_LIMIT = 200;
  private static final int RETURN_BATCH = 100;
  private static final Map<String, String> TIMEOUT_NOTICES =
      Map.of(
          "EN", "Sorry, no one is free right now. I'm back: how can I help?",
          "DE", "Leider ist gerade niemand frei. Ich bin wieder da: Wie kann ich helfen?",
          "FR",
              "Désolé, personne n'est disponible pour le moment. Je suis de retour : comment puis-je"
                  + " aider ?",
          "ES", "Lo siento, ahora no hay nadie libre. Vuelvo a estar aquí: ¿en qué puedo ayudar?",
          "IT",
              "Mi dispiace, al momento non c'è nessuno libero. Sono di nuovo qui: come posso"
                  + " aiutare?");

  @Inject Handoffs handoffs;
  @Inject OutboundQueue outbound;
  @Inject TurnStore turns;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.HANDOFF_ANSWER_WITHIN,
      defaultValue = ConfigKeys.HANDOFF_ANSWER_WITHIN_DEFAULT)
  Duration answerWithin;

  @Inject
  @ConfigProperty(name = ConfigKeys.HANDOFF_TIMEOUT_NOTICE)
  Optional<String> timeoutNotice;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DATA_MAX_TEXT_LENGTH,
      defaultValue = ConfigKeys.DATA_MAX_TEXT_LENGTH_DEFAULT)
  int maxTextLength;

  Clock clock = Clock.systemUTC();

  @Override
  public Optional<Handoff> of(String dialogId) {
    return handoffs.of(dialogId);
  }

  @Override
  public List<Handoff> queue() {
    return handoffs.queue(QUEUE_LIMIT);
  }

  @Override
  public Handoff takeOver(String dialogId, String admin) {
    Handoff taken =
        handoffs
            .take(dialogId, admin, clock.instant())
            .orElseThrow(
                () ->
                    new HandoffRefusedException(
                        handoffs
                            .of(dialogId)
                            .map(h -> "Admin " + h.admin() + " holds this conversation.")
                            .orElse(
                                "Only a user's open dialog can be taken over; this one has ended"
                                    + " or has no user to answer.")));
    audited(admin, AuditAction.TOOK_OVER, dialogId, "customer " + taken.customerId());
    return taken;
  }

  @Override
  public String reply(String dialogId, String admin, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "Write the reply first: it is empty.");
    }
    if (text.codePointCount(0, text.length()) > maxTextLength) {
      throw new InvalidInputException(
          "text", "The reply is longer than " + maxTextLength + " characters.");
    }
    Handoff held =
        handoffs
            .of(dialogId)
            .filter(h -> h.state() == Handoffs.State.TAKEN && admin.equals(h.admin()))
            .orElseThrow(
                () -> new HandoffRefusedException("Take the conversation over before answering."));
    String replyId = dialogId + "/person/" + UUID.randomUUID();
    send(held, replyId, new Reply.Text(text.strip()), "person:" + admin);
    audited(admin, AuditAction.REPLIED_AS_PERSON, dialogId, "reply " + replyId);
    return replyId;
  }

  @Override
  public Handoff handBack(String dialogId, String admin) {
    Handoff back =
        handoffs
            .handBack(dialogId, Optional.empty())
            .orElseThrow(
                () -> new HandoffRefusedException("This conversation is with the bot already."));
    audited(admin, AuditAction.HANDED_BACK, dialogId, "customer " + back.customerId());
    return back;
  }

  @Override
  public int returnUnanswered(Instant now) {
    Instant cutoff = now.minus(answerWithin);
    int returned = 0;
    for (Handoff waiting : handoffs.waitingSince(cutoff, RETURN_BATCH)) {
      // conditional: a conversation an admin took meanwhile stays with them
      Optional<Handoff> back = handoffs.handBack(waiting.dialogId(), Optional.of(cutoff));
      if (back.isEmpty()) {
        continue;
      }
      returned++;
      send(
          back.get(),
          waiting.dialogId() + "/handoff-timeout/" + waiting.since().toEpochMilli(),
          new Reply.Text(timeoutNotice(back.get().language())),
          "handoff");
      audited(
          TIMER,
          AuditAction.HANDED_BACK,
          waiting.dialogId(),
          "no one answered within " + answerWithin);
    }
    return returned;
  }

  private void send(Handoff to, String replyId, Reply reply, String plugin) {
    OutboundReply outgoing =
        OutboundReply.of(
            replyId,
            to.participant().channel(),
            to.participant().userId(),
            to.participant().conversationRef(),
            null,
            to.language(),
            reply,
            null);
    ReplyRecord record =
        new ReplyRecord(
            Message.MessageType.TEXT,
            outgoing.text(),
            List.of(),
            null,
            plugin,
            JSON.toJson(outgoing));
    Instant now = clock.instant();
    if (!handoffs.reply(to.dialogId(), replyId, record, now)) {
      throw new HandoffRefusedException("The dialog is gone (erased meanwhile).");
    }
    try {
      outbound.enqueue(outgoing);
    } catch (RuntimeException e) {
      // stored but not queued: the transcript must not show it as on its way
      turns.failed(replyId, "not queued: " + e.getClass().getSimpleName(), now);
      LOG.log(Level.WARNING, "A reply of a person could not be queued: {0}", e.getClass());
      throw new HandoffRefusedException(
          "The reply could not be queued (the broker is away); it is recorded as failed. Send it"
              + " again in a moment.");
    }
  }

  private String timeoutNotice(String language) {
    return timeoutNotice
        .filter(text -> !text.isBlank())
        .orElseGet(
            () ->
                TIMEOUT_NOTICES.getOrDefault(
                    language == null ? "EN" : language.toUpperCase(Locale.ROOT),
                    TIMEOUT_NOTICES.get("EN")));
  }

  private void audited(String who, AuditAction action, String target, String detail) {
    audit.record(AuditEntry.of(clock.instant(), who, action, target, detail));
  }
}
