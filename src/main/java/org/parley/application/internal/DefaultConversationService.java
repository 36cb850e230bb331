package org.parley.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.ConversationService;
import org.parley.application.CustomerIds;
import org.parley.application.InboundMessage;
import org.parley.application.OutboundQueue;
import org.parley.application.OutboundReply;
import org.parley.application.PipelineMetrics;
import org.parley.domain.model.dialog.ConsentQuestions;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.TurnStore;
import org.parley.domain.model.dialog.TurnStore.Arrival;
import org.parley.domain.model.dialog.TurnStore.DialogRef;
import org.parley.domain.model.dialog.TurnStore.DialogSlot;
import org.parley.domain.model.dialog.TurnStore.InboundTurn;
import org.parley.domain.model.dialog.TurnStore.Participant;
import org.parley.domain.model.dialog.TurnStore.ReplyRecord;
import org.parley.domain.model.dialog.TurnStore.StoredReply;
import org.parley.domain.model.dialog.TurnStore.StoredTurn;
import org.parley.domain.model.handoff.Handoffs;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.NluEngine;
import org.parley.nlu.api.NluResult;
import org.parley.plugin.api.Reply;
import org.parley.plugin.internal.PluginRouter;

/**
 * The turn: understand (pure, before anything is written), claim the message as it arrives (a
 * message claimed before and answered: its undelivered replies are queued again and nothing else
 * happens; the plugin never runs twice for a message answered), let the plugin answer, store the
 * message with its replies and queue them. Three store round trips in all ({@link TurnStore}). The
 * consent answer after a goodbye or the idle timeout is recognised before the dialog is entered and
 * recorded by {@link ConsentConversation}. A user who asks for a person (the {@code handoff}
 * intent) is answered with the notice and waits for one; while a conversation is handed off, its
 * messages are stored and the bot does not answer them.
 */
@ApplicationScoped
public class DefaultConversationService implements ConversationService {

  static final String GOODBYE = "goodbye";
  static final String HANDOFF = "handoff";
  private static final Logger LOG = Logger.getLogger(DefaultConversationService.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject TurnStore turns;
  @Inject ConsentQuestions questions;
  @Inject NluEngine nlu;
  @Inject PluginRouter router;
  @Inject OutboundQueue outbound;
  @Inject ConsentConversation consent;
  @Inject Handoffs handoffs;
  @Inject PipelineMetrics metrics;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DIALOG_IDLE_TIMEOUT,
      defaultValue = ConfigKeys.DIALOG_IDLE_TIMEOUT_DEFAULT)
  Duration idleTimeout;

  Clock clock = Clock.systemUTC();

  @Override
  public long handle(InboundMessage message, Instant receivedAt) {
    String customerId = CustomerIds.of(message.channel(), message.userId());
    String text = textOf(message);
    Optional<ConsentConversation.Answer> consentAnswer = consent.answerIn(customerId, text);
    if (consentAnswer.isPresent()) {
      return answerConsent(message, consentAnswer.get(), receivedAt);
    }
    NluResult understood = nlu.parse(text, NluContext.withLocale(message.locale()));
    Instant understoodAt = clock.instant();
    Participant participant =
        new Participant(customerId, message.channel(), message.userId(), message.conversationRef());
    InboundTurn turn = turn(message, customerId, text, understood, receivedAt, understoodAt);
    Arrival arrival =
        turns.arrive(participant, turn.id(), understoodAt, understoodAt.minus(idleTimeout));
    if (arrival.claimedBefore()) {
      Optional<StoredTurn> stored = turns.stored(turn);
      if (stored.isPresent() && stored.get().answered()) {
        return resendUndelivered(message, stored.get());
      }
      // claimed by an attempt that failed: answered now
    }
    DialogSlot slot = arrival.slot();
    // a new dialog: a consent question left unanswered is passed over
    arrival.questionLeft().ifPresent(questions::endConsentQuestion);
    if (slot.handedOff()) {
      // a person answers this user: the message waits in the transcript, the bot stays silent
      // (not counted as answered: the bot did not answer it, and a person may not either)
      turns.answer(slot, turn, List.of(), false, clock.instant());
      return 0;
    }

    String dialogId = slot.dialogId();
    PluginRouter.Answer answer =
        router.route(customerId, dialogId, text, understood, slot.pendingAction());
    List<Reply> replies = new ArrayList<>(answer.replies());
    if (HANDOFF.equals(understood.intent())) {
      // before the turn is marked answered: a failure here is retried with the whole turn
      handoffs.request(customerId, dialogId, clock.instant());
    }
    boolean goodbye = GOODBYE.equals(understood.intent());
    if (goodbye) {
      replies.add(consent.question());
    }
    List<OutboundReply> outgoing = new ArrayList<>();
    List<ReplyRecord> records = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      OutboundReply reply =
          OutboundReply.of(
              turn.id() + "/" + (i + 1),
              message,
              i + 1,
              understood.language(),
              replies.get(i),
              receivedAt);
      outgoing.add(reply);
      boolean fromPlugin = i < answer.replies().size();
      records.add(record(reply, fromPlugin ? answer.plugin() : "consent"));
    }
    Optional<StoredTurn> before = turns.answer(slot, turn, records, goodbye, clock.instant());
    if (before.isPresent()) { // answered before, longer ago than the claims the pointer keeps
      return resendUndelivered(message, before.get());
    }
    outgoing.forEach(outbound::enqueue);
    metrics.answered(message.channel());
    return outgoing.isEmpty() ? 0 : outgoing.get(outgoing.size() - 1).position();
  }

  private long answerConsent(
      InboundMessage message, ConsentConversation.Answer answer, Instant receivedAt) {
    Reply reply = consent.record(answer);
    // the answer itself is not stored: a "yes" is recorded as the consent, a "no" leaves nothing
    OutboundReply sent =
        OutboundReply.of(
            message.deduplicationId() + "/1",
            message,
            1,
            answer.dialog().language(),
            reply,
            receivedAt);
    outbound.enqueue(sent);
    metrics.answered(message.channel());
    return sent.position();
  }

  /** Queues again what was not delivered; returns the position of the turn's last reply. */
  private long resendUndelivered(InboundMessage message, StoredTurn stored) {
    metrics.duplicateDropped(message.channel(), "inbound");
    long last = 0;
    for (StoredReply reply : stored.replies()) {
      OutboundReply copy = JSON.fromJson(reply.reply().body(), OutboundReply.class);
      last = Math.max(last, copy.position());
      if (!reply.delivered()) {
        outbound.enqueue(copy.resend());
      }
    }
    return last;
  }

  @Override
  public int failed(InboundMessage message, String reason) {
    // understood again (the NLU is pure): the failed message is kept as it was understood
    String customerId = CustomerIds.of(message.channel(), message.userId());
    String text = textOf(message);
    NluResult understood = nlu.parse(text, NluContext.withLocale(message.locale()));
    Instant now = clock.instant();
    return turns.turnFailed(
        new Participant(customerId, message.channel(), message.userId(), message.conversationRef()),
        turn(message, customerId, text, understood, now, now),
        reason,
        now);
  }

  @Override
  public int endIdleDialogs(Instant now) {
    List<DialogRef> ended = questions.endIdle(now.minus(idleTimeout), 500, now);
    for (DialogRef dialog : ended) {
      Participant who = dialog.participant();
      OutboundReply question =
          OutboundReply.of(
              dialog.dialogId() + "/consent-question",
              who.channel(),
              who.userId(),
              who.conversationRef(),
              null,
              dialog.language(),
              consent.question(),
              null);
      Optional<StoredReply> asked =
          questions.ask(dialog.dialogId(), record(question, "consent"), now);
      if (asked.isPresent()) {
        outbound.enqueue(question);
      }
    }
    return ended.size();
  }

  private static ReplyRecord record(OutboundReply reply, String plugin) {
    Message.MessageType type =
        switch (reply.kind()) {
          case TEXT -> Message.MessageType.TEXT;
          case QUICK_REPLIES -> Message.MessageType.QUICK_REPLY;
          case BUTTONS -> Message.MessageType.BUTTONS;
          case IMAGE -> Message.MessageType.IMAGE;
          case LINK -> Message.MessageType.LINK;
        };
    return new ReplyRecord(
        type, reply.text(), reply.options(), reply.url(), plugin, JSON.toJson(reply));
  }

  private static InboundTurn turn(
      InboundMessage message,
      String customerId,
      String text,
      NluResult understood,
      Instant receivedAt,
      Instant understoodAt) {
    return new InboundTurn(
        message.deduplicationId(),
        customerId,
        message.channel(),
        Message.MessageType.valueOf(message.type().name()),
        message.text(),
        message.payload(),
        message.attachmentUrl(),
        understood.language(),
        understood.intent(),
        understood.confidence(),
        understood.entities().stream()
            .map(e -> new TurnStore.EntityRecord(e.type(), e.value(), e.text()))
            .toList(),
        message.sentAt(),
        receivedAt,
        understoodAt);
  }

  /** What the NLU reads: the text, or for a tapped button without text its payload. */
  static String textOf(InboundMessage message) {
    if (message.text() != null && !message.text().isBlank()) {
      return message.text();
    }
    if (message.payload() != null && !message.payload().isBlank()) {
      return message.payload();
    }
    return "";
  }
}
