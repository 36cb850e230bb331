package org.parley.interfaces.admin.facade.internal.assembler;

import java.util.Locale;
import java.util.stream.Collectors;
import org.parley.domain.model.dialog.ConversationQueries.Conversation;
import org.parley.domain.model.dialog.ConversationQueries.Line;
import org.parley.domain.model.dialog.Message;
import org.parley.interfaces.admin.facade.dto.TranscriptDto;
import org.parley.interfaces.admin.facade.dto.TranscriptLineDto;

/** A stored conversation into the transcript screen's lines. */
public final class TranscriptDtoAssembler {

  private TranscriptDtoAssembler() {}

  public static TranscriptDto toDto(Conversation conversation) {
    return new TranscriptDto(
        ConversationDtoAssembler.toRow(conversation.dialog()),
        conversation.lines().stream().map(TranscriptDtoAssembler::toLine).toList());
  }

  /** A reply is the bot's, or a person's: their replies are stored as plugin "person:<admin>". */
  static String speaker(String plugin) {
    return plugin != null && plugin.startsWith("person:") ? "person" : "bot";
  }

  static TranscriptLineDto toLine(Line line) {
    boolean user = line.direction() == Message.Direction.INBOUND;
    return new TranscriptLineDto(
        line.seq(),
        user ? "user" : speaker(line.plugin()),
        typeLabel(line.type()),
        orEmpty(line.text()),
        extra(line),
        ConsoleTimes.format(line.at()),
        orEmpty(line.intent()),
        line.confidence() == null ? "" : String.format(Locale.ROOT, "%.2f", line.confidence()),
        line.entities().stream()
            .map(e -> e.type() + "=" + e.value())
            .collect(Collectors.joining(", ")),
        orEmpty(line.plugin()),
        ConsoleTimes.format(line.responseTime()),
        user ? handling(line) : delivery(line),
        orEmpty(line.failure()));
  }

  /** TEXT → "text", QUICK_REPLY → "quick reply". */
  static String typeLabel(String type) {
    return type == null ? "text" : type.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String extra(Line line) {
    if (line.payload() != null && !line.payload().isBlank()) {
      return "payload " + line.payload();
    }
    if (line.url() != null && !line.url().isBlank()) {
      return line.url();
    }
    return line.options().isEmpty() ? "" : "choices: " + String.join(" | ", line.options());
  }

  private static String handling(Line line) {
    if (line.state() == null) {
      return "stored"; // through the DataAPI: no pipeline handling
    }
    return line.state().toLowerCase(Locale.ROOT);
  }

  private static String delivery(Line line) {
    if (line.deliveryState() == null) {
      return "stored";
    }
    String state = line.deliveryState().toLowerCase(Locale.ROOT);
    if (line.deliveryAttempts() != null && line.deliveryAttempts() > 1) {
      state += " after " + line.deliveryAttempts() + " attempts";
    }
    return line.deliveredAt() == null
        ? state
        : state + " " + ConsoleTimes.format(line.deliveredAt());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
