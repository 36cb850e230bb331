package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.parley.domain.model.dialog.ConversationQueries;
import org.parley.domain.model.dialog.DialogStatus;
import org.parley.domain.model.dialog.Message;

/**
 * The console's reads with the driver: filters become one query on {@code dialogs} (with MongoDB's
 * {@code updated_id} index and the filter indexes of {@link MongoIndexes}), a text filter first
 * finds the dialogs of matching messages. Pages are cursor-based: no count, no skip.
 */
@ApplicationScoped
public class MongoConversationQueries implements ConversationQueries {

  /** A text filter looks at the dialogs of at most this many matching messages, newest first. */
  static final int TEXT_MATCH_LIMIT = 10_000;

  /**
   * The windows of last activity a page is first looked for in: 1 hour, 16 hours, ~11 days, ~171
   * days.
   */
  static final Duration FIRST_WINDOW = Duration.ofHours(1);

  static final int WINDOW_GROWTH = 16;
  static final Duration LAST_WINDOW = FIRST_WINDOW.multipliedBy(16L * 16 * 16);

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

  @Override
  public boolean textSearchable() {
    return !cipher.encrypting();
  }

  @Override
  public List<DialogSummary> dialogs(
      ConversationFilter filter, Optional<Cursor> cursor, Direction direction, int limit) {
    List<Bson> where = conditions(filter);
    boolean older = direction == Direction.OLDER;
    cursor.ifPresent(
        c -> {
          Date at = Date.from(c.updatedAt());
          where.add(
              older
                  ? or(
                      lt(DialogDocuments.UPDATED_AT, at),
                      and(eq(DialogDocuments.UPDATED_AT, at), gt("_id", c.dialogId())))
                  : or(
                      gt(DialogDocuments.UPDATED_AT, at),
                      and(eq(DialogDocuments.UPDATED_AT, at), lt("_id", c.dialogId()))));
        });
    Bson sort =
        older
            ? Sorts.orderBy(Sorts.descending(DialogDocuments.UPDATED_AT), Sorts.ascending("_id"))
            : Sorts.orderBy(Sorts.ascending(DialogDocuments.UPDATED_AT), Sorts.descending("_id"));
    List<DialogSummary> page = broad(filter) ? windowed(where, cursor, older, sort, limit) : null;
    if (page == null) {
      page = find(where, sort, limit);
    }
    if (!older) {
      Collections.reverse(page);
    }
    return page;
  }

  /**
   * The page looked for among the dialogs active within a window next to the cursor (or now),
   * widened until it fills: the store then sorts only the window's dialogs, not every match. With
   * MongoDB's indexes either way is quick; the embedded development store has none and sorts all
   * matches of a query (~0.9 s for 100,000 dialogs, ~0.09 s for a window's; bench/
   * console-benchmark.sh). Null when no window filled it.
   */
  private List<DialogSummary> windowed(
      List<Bson> where, Optional<Cursor> cursor, boolean older, Bson sort, int limit) {
    Instant edge = cursor.map(Cursor::updatedAt).orElseGet(Instant::now);
    for (Duration window = FIRST_WINDOW;
        window.compareTo(LAST_WINDOW) <= 0;
        window = window.multipliedBy(WINDOW_GROWTH)) {
      List<Bson> within = new ArrayList<>(where);
      within.add(
          older
              ? gte(DialogDocuments.UPDATED_AT, Date.from(edge.minus(window)))
              : lte(DialogDocuments.UPDATED_AT, Date.from(edge.plus(window))));
      List<DialogSummary> page = find(within, sort, limit);
      if (page.size() == limit) {
        return page;
      }
    }
    return null;
  }

  /**
   * A filter most dialogs may match (none, channel, language, consent, dates): worth the windows. A
   * customer or a text picks few dialogs, which the store finds and sorts at once.
   */
  private static boolean broad(ConversationFilter filter) {
    return filter.customerPrefix().isEmpty() && filter.text().isEmpty();
  }

  private List<DialogSummary> find(List<Bson> where, Bson sort, int limit) {
    return dialogs()
        .find(where.isEmpty() ? new Document() : and(where))
        .sort(sort)
        .limit(limit)
        .map(MongoConversationQueries::summary)
        .into(new ArrayList<>());
  }

  private List<Bson> conditions(ConversationFilter filter) {
    List<Bson> where = new ArrayList<>();
    filter.channel().ifPresent(channel -> where.add(eq(DialogDocuments.CHANNEL, channel)));
    filter.language().ifPresent(language -> where.add(eq(DialogDocuments.LANGUAGE, language)));
    filter
        .customerPrefix()
        .ifPresent(
            prefix -> where.add(regex(DialogDocuments.CUSTOMER_ID, "^" + Pattern.quote(prefix))));
    filter.consent().ifPresent(state -> where.add(consent(state)));
    filter.from().ifPresent(from -> where.add(gte(DialogDocuments.UPDATED_AT, Date.from(from))));
    filter.to().ifPresent(to -> where.add(lt(DialogDocuments.CREATED_AT, Date.from(to))));
    filter
        .text()
        .ifPresent(
            text -> {
              if (!textSearchable()) { // the facade refuses first; here nothing would match
                throw new IllegalStateException("text search while text is encrypted at rest");
              }
              where.add(in("_id", dialogsMentioning(text)));
            });
    return where;
  }

  private static Bson consent(ConsentState state) {
    return switch (state) {
      case CONSENTED -> eq(DialogDocuments.CONSENT, true);
      case AWAITING ->
          and(
              eq(DialogDocuments.CONSENT, false),
              eq(DialogDocuments.STATUS, DialogStatus.AWAITING_CONSENT.name()));
      case UNCONSENTED ->
          and(
              eq(DialogDocuments.CONSENT, false),
              ne(DialogDocuments.STATUS, DialogStatus.AWAITING_CONSENT.name()));
    };
  }

  private Set<String> dialogsMentioning(String text) {
    return messages()
        .find(regex(DialogDocuments.TEXT, Pattern.quote(text), "i"))
        .projection(Projections.include(DialogDocuments.DIALOG_ID))
        .limit(TEXT_MATCH_LIMIT)
        .map(document -> document.getString(DialogDocuments.DIALOG_ID))
        .into(new LinkedHashSet<>());
  }

  @Override
  public Optional<Conversation> conversation(String dialogId) {
    Document dialog = dialogs().find(eq("_id", dialogId)).first();
    if (dialog == null) {
      return Optional.empty();
    }
    List<Document> messages =
        messages()
            .find(eq(DialogDocuments.DIALOG_ID, dialogId))
            .sort(Sorts.ascending(DialogDocuments.SEQ))
            .into(new ArrayList<>());
    Map<String, Date> firstDelivery = new HashMap<>();
    for (Document message : messages) {
      Date delivered = message.getDate(DialogDocuments.DELIVERED_AT);
      String turn = message.getString(DialogDocuments.IN_REPLY_TO);
      if (delivered != null && turn != null) {
        firstDelivery.merge(turn, delivered, (a, b) -> a.before(b) ? a : b);
      }
    }
    List<Line> lines = messages.stream().map(m -> line(m, firstDelivery, cipher)).toList();
    return Optional.of(new Conversation(summary(dialog), lines));
  }

  static DialogSummary summary(Document dialog) {
    boolean consent = Boolean.TRUE.equals(dialog.getBoolean(DialogDocuments.CONSENT));
    DialogStatus status = DialogStatus.valueOf(dialog.getString(DialogDocuments.STATUS));
    ConsentState state =
        consent
            ? ConsentState.CONSENTED
            : status == DialogStatus.AWAITING_CONSENT
                ? ConsentState.AWAITING
                : ConsentState.UNCONSENTED;
    Number count = dialog.get(DialogDocuments.MESSAGE_COUNT, Number.class);
    return new DialogSummary(
        dialog.getString("_id"),
        dialog.getString(DialogDocuments.CUSTOMER_ID),
        dialog.getString(DialogDocuments.CHANNEL),
        dialog.getString(DialogDocuments.LANGUAGE),
        state,
        status,
        instant(dialog.getDate(DialogDocuments.CREATED_AT)),
        instant(dialog.getDate(DialogDocuments.UPDATED_AT)),
        count == null ? 0 : count.longValue());
  }

  private static Line line(Document m, Map<String, Date> firstDelivery, DialogCipher cipher) {
    Message.Direction direction = Message.Direction.valueOf(m.getString(DialogDocuments.DIRECTION));
    Date received = m.getDate(DialogDocuments.RECEIVED_AT);
    Date answered = firstDelivery.get(m.getString("_id"));
    Duration response =
        received != null && answered != null
            ? Duration.between(received.toInstant(), answered.toInstant())
            : null;
    Number confidence = m.get(DialogDocuments.CONFIDENCE, Number.class);
    Number attempts = m.get(DialogDocuments.DELIVERY_ATTEMPTS, Number.class);
    List<EntityFound> entities =
        DialogDocuments.openedEntities(m, cipher).stream()
            .map(e -> new EntityFound(e[0], e[1], e[2]))
            .toList();
    return new Line(
        m.getString("_id"),
        m.get(DialogDocuments.SEQ, Number.class).longValue(),
        direction,
        m.getString(DialogDocuments.TYPE),
        DialogDocuments.opened(m, DialogDocuments.MESSAGES, DialogDocuments.TEXT, cipher),
        m.getString(DialogDocuments.PAYLOAD),
        Optional.ofNullable(m.getString(DialogDocuments.URL))
            .orElse(
                DialogDocuments.opened(
                    m, DialogDocuments.MESSAGES, DialogDocuments.ATTACHMENT_URL, cipher)),
        m.getList(DialogDocuments.OPTIONS, String.class, List.of()),
        instant(m.getDate(DialogDocuments.CREATED_AT)),
        m.getString(DialogDocuments.INTENT),
        confidence == null ? null : confidence.doubleValue(),
        entities,
        m.getString(DialogDocuments.PLUGIN),
        m.getString(DialogDocuments.STATE),
        // why it failed: ours (sealed, it may quote the user), or the platform's later report
        Optional.ofNullable(
                DialogDocuments.opened(
                    m, DialogDocuments.MESSAGES, DialogDocuments.FAILURE, cipher))
            .orElse(m.getString(DialogDocuments.PLATFORM_ERROR)),
        m.getString(DialogDocuments.DELIVERY_STATE),
        attempts == null ? null : attempts.intValue(),
        instant(m.getDate(DialogDocuments.DELIVERED_AT)),
        m.getString(DialogDocuments.IN_REPLY_TO),
        response);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private MongoCollection<Document> dialogs() {
    return store.database().getCollection(DialogDocuments.DIALOGS);
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(DialogDocuments.MESSAGES);
  }
}
