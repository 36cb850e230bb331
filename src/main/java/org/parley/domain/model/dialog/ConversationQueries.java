package org.parley.domain.model.dialog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What admins read about conversations, consented or not: dialogs found by filters and paged by a
 * cursor (no counting, no skipping, so a page costs the same on the 1st and the 1000th), and one
 * dialog's turns with everything the pipeline recorded about them. Implemented by the persistence
 * adapter; read-only.
 */
public interface ConversationQueries {

  /**
   * Dialogs matching the filter, most recently active first (then by id), starting after or before
   * the cursor's dialog, at most {@code limit}. Pages going back ({@link Direction#NEWER}) are
   * returned in the same newest-first order.
   */
  List<DialogSummary> dialogs(
      ConversationFilter filter, Optional<Cursor> cursor, Direction direction, int limit);

  /**
   * Whether dialogs can be found by a text they contain. Not while dialog text is encrypted at
   * rest: the store holds no text to match, and a searchable index of it would tell anyone reading
   * the store which dialogs share which words.
   */
  boolean textSearchable();

  /** The dialog and all of its messages in order, consented or not. */
  Optional<Conversation> conversation(String dialogId);

  /** Where a consent question stands, as the console shows and filters it. */
  enum ConsentState {
    /** The user said yes: the dialog is kept and visible through the DataAPI. */
    CONSENTED,
    /** The bot asked and waits for the answer. */
    AWAITING,
    /** Not asked yet (the dialog is open) or the question lapsed: purged after the retention. */
    UNCONSENTED
  }

  /** Which way a page goes from its cursor. */
  enum Direction {
    OLDER,
    NEWER
  }

  /**
   * The filters, each optional: exact channel and language, a customer id prefix, a consent state,
   * dialogs active within {@code [from, to)} and a text some message of the dialog contains (any
   * case).
   */
  record ConversationFilter(
      Optional<String> channel,
      Optional<String> customerPrefix,
      Optional<String> language,
      Optional<ConsentState> consent,
      Optional<Instant> from,
      Optional<Instant> to,
      Optional<String> text) {

    public static ConversationFilter none() {
      return new ConversationFilter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
  }

  /** A position in the newest-first order: a dialog's last activity and its id. */
  record Cursor(Instant updatedAt, String dialogId) {}

  /** A dialog as the list shows it. */
  record DialogSummary(
      String id,
      String customerId,
      String channel,
      String language,
      ConsentState consent,
      DialogStatus status,
      Instant createdAt,
      Instant updatedAt,
      long messageCount) {}

  /** A dialog and its messages in order. */
  record Conversation(DialogSummary dialog, List<Line> lines) {}

  /**
   * One stored message. For the user's turns: what the NLU found and how handling went ({@code
   * state}, {@code failure}); for the bot's replies: the plugin and how delivery went. Fields that
   * do not apply (or were not recorded, e.g. for messages stored through the DataAPI) are null.
   */
  record Line(
      String id,
      long seq,
      Message.Direction direction,
      String type,
      String text,
      String payload,
      String url,
      List<String> options,
      Instant at,
      String intent,
      Double confidence,
      List<EntityFound> entities,
      String plugin,
      String state,
      String failure,
      String deliveryState,
      Integer deliveryAttempts,
      Instant deliveredAt,
      String inReplyTo,
      Duration responseTime) {}

  /** An entity the NLU found in a message. */
  record EntityFound(String type, String value, String text) {}
}
