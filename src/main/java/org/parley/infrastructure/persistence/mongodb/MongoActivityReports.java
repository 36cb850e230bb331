package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.parley.domain.model.dialog.ActivityReports;
import org.parley.domain.model.dialog.ConversationQueries.ConsentState;
import org.parley.domain.model.dialog.DialogStatus;
import org.parley.domain.model.dialog.Message;

/**
 * Dashboard figures from the stored turns and replies: a turn's {@code receivedAt}, its first
 * reply's ({@code <turnId>/1}) {@code deliveredAt}. Each figure reads only the window's documents
 * on MongoDB (the {@code received} and {@code delivered} indexes of {@link MongoIndexes}).
 */
@ApplicationScoped
public class MongoActivityReports implements ActivityReports {

  private static final int IN_BATCH = 1_000;

  @Inject MongoDocumentStore store;

  @Override
  public Map<String, long[]> messagesPerMinute(Instant since, Instant until) {
    int minutes = (int) Math.max(1, Duration.between(since, until).toMinutes());
    Map<String, long[]> perChannel = new TreeMap<>();
    messages()
        .find(
            and(
                eq(DialogDocuments.DIRECTION, Message.Direction.INBOUND.name()),
                gte(DialogDocuments.RECEIVED_AT, Date.from(since)),
                lt(DialogDocuments.RECEIVED_AT, Date.from(until))))
        .projection(Projections.include(DialogDocuments.CHANNEL, DialogDocuments.RECEIVED_AT))
        .forEach(
            turn -> {
              String channel = turn.getString(DialogDocuments.CHANNEL);
              int minute =
                  (int)
                      Duration.between(since, turn.getDate(DialogDocuments.RECEIVED_AT).toInstant())
                          .toMinutes();
              if (channel != null && minute < minutes) {
                perChannel.computeIfAbsent(channel, c -> new long[minutes])[minute]++;
              }
            });
    return perChannel;
  }

  @Override
  public List<ResponseTimes> responseTimes(Instant since, Instant until) {
    Map<String, Document> firstReplies = new HashMap<>();
    messages()
        .find(
            and(
                eq(DialogDocuments.DIRECTION, Message.Direction.OUTBOUND.name()),
                gte(DialogDocuments.DELIVERED_AT, Date.from(since)),
                lt(DialogDocuments.DELIVERED_AT, Date.from(until))))
        .projection(
            Projections.include(
                DialogDocuments.IN_REPLY_TO,
                DialogDocuments.DELIVERED_AT,
                DialogDocuments.CHANNEL,
                DialogDocuments.LANGUAGE))
        .forEach(
            reply -> {
              String turn = reply.getString(DialogDocuments.IN_REPLY_TO);
              if (turn != null && reply.getString("_id").equals(turn + "/1")) {
                firstReplies.put(turn, reply);
              }
            });
    Map<Key, List<Duration>> byKey = new TreeMap<>(Key.ORDER);
    List<String> turnIds = new ArrayList<>(firstReplies.keySet());
    for (int from = 0; from < turnIds.size(); from += IN_BATCH) {
      List<String> batch = turnIds.subList(from, Math.min(turnIds.size(), from + IN_BATCH));
      messages()
          .find(in("_id", batch))
          .projection(Projections.include(DialogDocuments.RECEIVED_AT))
          .forEach(
              turn -> {
                Date received = turn.getDate(DialogDocuments.RECEIVED_AT);
                Document reply = firstReplies.get(turn.getString("_id"));
                if (received != null) {
                  byKey
                      .computeIfAbsent(
                          new Key(
                              reply.getString(DialogDocuments.CHANNEL),
                              reply.getString(DialogDocuments.LANGUAGE)),
                          k -> new ArrayList<>())
                      .add(
                          Duration.between(
                              received.toInstant(),
                              reply.getDate(DialogDocuments.DELIVERED_AT).toInstant()));
                }
              });
    }
    return byKey.entrySet().stream()
        .map(e -> of(e.getKey().channel(), e.getKey().language(), e.getValue()))
        .toList();
  }

  /** Response times are figured per channel and language, listed in that order. */
  private record Key(String channel, String language) {
    static final Comparator<Key> ORDER =
        Comparator.comparing(Key::channel, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Key::language, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
  }

  static ResponseTimes of(String channel, String language, List<Duration> durations) {
    List<Duration> sorted = durations.stream().sorted().toList();
    long totalNanos = sorted.stream().mapToLong(Duration::toNanos).sum();
    int rank = (int) Math.ceil(0.95 * sorted.size()); // nearest rank
    return new ResponseTimes(
        channel,
        language,
        sorted.size(),
        Duration.ofNanos(totalNanos / sorted.size()),
        sorted.get(Math.max(0, rank - 1)));
  }

  @Override
  public Map<ConsentState, Long> dialogsByConsent() {
    MongoCollection<Document> dialogs = store.database().getCollection(DialogDocuments.DIALOGS);
    Map<ConsentState, Long> counts = new EnumMap<>(ConsentState.class);
    String awaiting = DialogStatus.AWAITING_CONSENT.name();
    counts.put(ConsentState.CONSENTED, dialogs.countDocuments(eq(DialogDocuments.CONSENT, true)));
    counts.put(
        ConsentState.AWAITING,
        dialogs.countDocuments(
            and(eq(DialogDocuments.CONSENT, false), eq(DialogDocuments.STATUS, awaiting))));
    counts.put(
        ConsentState.UNCONSENTED,
        dialogs.countDocuments(
            and(eq(DialogDocuments.CONSENT, false), ne(DialogDocuments.STATUS, awaiting))));
    return counts;
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(DialogDocuments.MESSAGES);
  }
}
