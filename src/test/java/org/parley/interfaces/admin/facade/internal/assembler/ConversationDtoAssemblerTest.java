package org.parley.interfaces.admin.facade.internal.assembler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parley.application.InvalidInputException;
import org.parley.domain.model.dialog.ConversationQueries.ConsentState;
import org.parley.domain.model.dialog.ConversationQueries.ConversationFilter;
import org.parley.domain.model.dialog.ConversationQueries.Cursor;
import org.parley.domain.model.dialog.ConversationQueries.DialogSummary;
import org.parley.domain.model.dialog.DialogStatus;
import org.parley.interfaces.admin.facade.dto.ConversationFilterDto;
import org.parley.interfaces.admin.facade.dto.ConversationPageDto;

/** The conversations list's filters, cursors and pages. */
class ConversationDtoAssemblerTest {

  private static final Instant T = Instant.parse("2026-11-23T10:15:30.123Z");

  @Test
  void blankFiltersMeanAny() {
    assertEquals(
        ConversationFilter.none(),
        ConversationDtoAssembler.toFilter(
            new ConversationFilterDto("", " ", null, "", "", "", "")));
  }

  @Test
  void filtersAreNormalisedAndTheDateRangeIncludesBothDays() {
    ConversationFilter filter =
        ConversationDtoAssembler.toFilter(
            new ConversationFilterDto(
                "telegram", " telegram-42 ", "de", "awaiting", "2026-11-01", "2026-11-02", "hi"));
    assertEquals(Optional.of("telegram"), filter.channel());
    assertEquals(Optional.of("telegram-42"), filter.customerPrefix());
    assertEquals(Optional.of("DE"), filter.language());
    assertEquals(Optional.of(ConsentState.AWAITING), filter.consent());
    assertEquals(Optional.of(Instant.parse("2026-11-01T00:00:00Z")), filter.from());
    assertEquals(Optional.of(Instant.parse("2026-11-03T00:00:00Z")), filter.to());
    assertEquals(Optional.of("hi"), filter.text());
  }

  @Test
  void whatDoesNotParseIsRefusedNamingTheField() {
    assertField("channel", new ConversationFilterDto("fax", null, null, null, null, null, null));
    assertField("language", new ConversationFilterDto(null, null, "xx", null, null, null, null));
    assertField("consent", new ConversationFilterDto(null, null, null, "maybe", null, null, null));
    assertField(
        "from", new ConversationFilterDto(null, null, null, null, "2026-02-30", null, null));
    assertField("to", new ConversationFilterDto(null, null, null, null, null, "23.11.2026", null));
    assertField(
        "to", new ConversationFilterDto(null, null, null, null, "2026-11-02", "2026-11-01", null));
    assertField(
        "text", new ConversationFilterDto(null, null, null, null, null, null, "x".repeat(201)));
    InvalidInputException cursor =
        assertThrows(
            InvalidInputException.class, () -> ConversationDtoAssembler.toCursor("not-base64!"));
    assertEquals("cursor", cursor.field());
  }

  @Test
  void aFirstPageWithMoreHasOnlyAnOlderCursorWhichPointsAtItsLastRow() {
    List<DialogSummary> fetched = dialogs(26);
    ConversationPageDto page = ConversationDtoAssembler.toPage(fetched, 25, false, false);
    assertEquals(25, page.rows().size());
    assertEquals("d0", page.rows().get(0).id());
    assertNull(page.newerCursor());
    assertEquals(
        Optional.of(new Cursor(fetched.get(24).updatedAt(), "d24")),
        ConversationDtoAssembler.toCursor(page.olderCursor()));
  }

  @Test
  void theLastPageGoingOlderHasOnlyANewerCursor() {
    ConversationPageDto page = ConversationDtoAssembler.toPage(dialogs(3), 25, true, false);
    assertEquals(3, page.rows().size());
    assertNull(page.olderCursor());
    assertEquals(
        Optional.of(new Cursor(T, "d0")), ConversationDtoAssembler.toCursor(page.newerCursor()));
  }

  @Test
  void goingNewerDropsTheExtraNewestRowAndKeepsBothCursors() {
    ConversationPageDto page = ConversationDtoAssembler.toPage(dialogs(26), 25, true, true);
    assertEquals(List.of("d1", "d25"), List.of(page.rows().get(0).id(), page.rows().get(24).id()));
    assertEquals(
        "d1", ConversationDtoAssembler.toCursor(page.newerCursor()).orElseThrow().dialogId());
    assertEquals(
        "d25", ConversationDtoAssembler.toCursor(page.olderCursor()).orElseThrow().dialogId());
  }

  @Test
  void anEmptyPageHasNoCursors() {
    ConversationPageDto page = ConversationDtoAssembler.toPage(List.of(), 25, true, false);
    assertEquals(List.of(), page.rows());
    assertNull(page.newerCursor());
    assertNull(page.olderCursor());
  }

  /** Newest first: d0 is the newest. */
  private static List<DialogSummary> dialogs(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new DialogSummary(
                    "d" + i,
                    "c" + i,
                    "webchat",
                    "EN",
                    ConsentState.UNCONSENTED,
                    DialogStatus.OPEN,
                    T.minusSeconds(60L * i),
                    T.minusSeconds(i),
                    2))
        .toList();
  }

  private static void assertField(String field, ConversationFilterDto dto) {
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> ConversationDtoAssembler.toFilter(dto));
    assertEquals(field, refused.field());
  }
}
