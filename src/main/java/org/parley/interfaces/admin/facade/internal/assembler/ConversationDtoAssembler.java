package org.parley.interfaces.admin.facade.internal.assembler;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.application.InvalidInputException;
import org.parley.domain.model.dialog.ConversationQueries.ConsentState;
import org.parley.domain.model.dialog.ConversationQueries.ConversationFilter;
import org.parley.domain.model.dialog.ConversationQueries.Cursor;
import org.parley.domain.model.dialog.ConversationQueries.DialogSummary;
import org.parley.domain.model.shared.LanguageCode;
import org.parley.interfaces.admin.facade.dto.ConversationFilterDto;
import org.parley.interfaces.admin.facade.dto.ConversationPageDto;
import org.parley.interfaces.admin.facade.dto.DialogRowDto;

/**
 * The conversations list: typed filters into a query (refusing what does not parse, naming the
 * field), dialogs into rows, and page positions into opaque cursors.
 */
public final class ConversationDtoAssembler {

  static final int MAX_TEXT = 200;

  private ConversationDtoAssembler() {}

  public static ConversationFilter toFilter(ConversationFilterDto dto) {
    Optional<String> channel = blankToEmpty(dto.channel());
    if (channel.isPresent() && !ConversationFilterDto.CHANNELS.contains(channel.get())) {
      throw new InvalidInputException("channel", "Unknown channel " + channel.get());
    }
    Optional<String> language =
        blankToEmpty(dto.language())
            .map(
                code ->
                    LanguageCode.normalize(code)
                        .orElseThrow(
                            () ->
                                new InvalidInputException(
                                    "language", "Not an ISO 639-1 language code: " + code)));
    Optional<ConsentState> consent =
        blankToEmpty(dto.consent()).map(ConversationDtoAssembler::consentState);
    Optional<Instant> from = blankToEmpty(dto.from()).map(d -> day(d, "from"));
    Optional<Instant> to = blankToEmpty(dto.to()).map(d -> day(d, "to").plusSeconds(86_400));
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new InvalidInputException("to", "The date range ends before it starts");
    }
    Optional<String> text = blankToEmpty(dto.text());
    if (text.isPresent() && text.get().length() > MAX_TEXT) {
      throw new InvalidInputException("text", "The text is longer than " + MAX_TEXT);
    }
    return new ConversationFilter(
        channel, blankToEmpty(dto.customer()), language, consent, from, to, text);
  }

  private static ConsentState consentState(String name) {
    try {
      return ConsentState.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("consent", "Unknown consent state " + name);
    }
  }

  private static Instant day(String date, String field) {
    try {
      return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Not a date (yyyy-MM-dd): " + date);
    }
  }

  private static Optional<String> blankToEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * A page from {@code size + 1} dialogs fetched in the direction the page goes: the extra one says
   * whether there is more that way.
   */
  public static ConversationPageDto toPage(
      List<DialogSummary> fetched, int size, boolean cameFromCursor, boolean newer) {
    boolean more = fetched.size() > size;
    List<DialogSummary> rows =
        !more ? fetched : newer ? fetched.subList(1, fetched.size()) : fetched.subList(0, size);
    if (rows.isEmpty()) {
      return new ConversationPageDto(List.of(), null, null);
    }
    boolean hasNewer = newer ? more : cameFromCursor;
    boolean hasOlder = newer ? cameFromCursor : more;
    return new ConversationPageDto(
        rows.stream().map(ConversationDtoAssembler::toRow).toList(),
        hasNewer ? cursor(rows.get(0)) : null,
        hasOlder ? cursor(rows.get(rows.size() - 1)) : null);
  }

  public static DialogRowDto toRow(DialogSummary dialog) {
    return new DialogRowDto(
        dialog.id(),
        dialog.customerId(),
        dialog.channel() == null ? "" : dialog.channel(),
        dialog.language() == null ? "" : dialog.language(),
        dialog.consent().name(),
        switch (dialog.consent()) {
          case CONSENTED -> "Consented";
          case AWAITING -> "Awaiting consent";
          case UNCONSENTED -> "Not consented";
        },
        dialog.status().name(),
        ConsoleTimes.format(dialog.createdAt()),
        ConsoleTimes.format(dialog.updatedAt()),
        dialog.messageCount());
  }

  static String cursor(DialogSummary dialog) {
    String position = dialog.updatedAt().toEpochMilli() + ":" + dialog.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  public static Optional<Cursor> toCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return Optional.empty();
    }
    try {
      String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = position.indexOf(':');
      return Optional.of(
          new Cursor(
              Instant.ofEpochMilli(Long.parseLong(position.substring(0, colon))),
              position.substring(colon + 1)));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new InvalidInputException("cursor", "Not a page position of this list");
    }
  }
}
