package org.parley.it;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.bson.Document;

/**
 * Telegram traffic for the fault tests: each user sends messages 1..n, one after the other, as fast
 * as they are acknowledged, to whichever node {@code target} names for that message; what is not
 * answered 200 (a refused connection, a 503) is sent again, as Telegram does, until it is. The
 * answers are read from the fake Bot API: which message each reply answers, in the order they
 * arrived.
 */
final class TelegramLoad implements AutoCloseable {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final List<Long> users = new ArrayList<>();
  private final int perUser;
  private final IntFunction<String> target;
  private final Duration pause;
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final AtomicInteger resent = new AtomicInteger();
  private final ExecutorService posters;
  private final List<Future<?>> running = new ArrayList<>();

  /**
   * @param target the base URL to post message number {@code k} (counted over all users) to
   * @param pause how long a user waits after a message is acknowledged before sending the next
   */
  TelegramLoad(long firstUser, int users, int perUser, Duration pause, IntFunction<String> target) {
    for (int u = 0; u < users; u++) {
      this.users.add(firstUser + u);
    }
    this.perUser = perUser;
    this.target = target;
    this.pause = pause;
    this.posters = Executors.newFixedThreadPool(users);
  }

  void start() {
    AtomicInteger counter = new AtomicInteger();
    for (long user : users) {
      running.add(
          posters.submit(
              () -> {
                for (int m = 1; m <= perUser; m++) {
                  post(user, m, counter);
                  Thread.sleep(pause.toMillis());
                }
                return null;
              }));
    }
  }

  int total() {
    return users.size() * perUser;
  }

  int acknowledged() {
    return acknowledged.get();
  }

  /** Posts that had to be sent again (not answered 200 the first time). */
  int resent() {
    return resent.get();
  }

  /** Waits until every message has been acknowledged. */
  void awaitPosted(Duration limit) throws Exception {
    for (Future<?> future : running) {
      future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Per user, the message ids the replies answer, in the order the replies arrived. */
  Map<Long, List<Long>> repliesByUser() {
    Map<Long, List<Long>> replies = new LinkedHashMap<>();
    for (long user : users) {
      replies.put(user, new ArrayList<>());
    }
    for (FakePlatforms.Call call : FakePlatforms.calls(c -> c.platform().equals("telegram"))) {
      if (!call.body().containsKey("chat_id") || !call.body().containsKey("reply_parameters")) {
        continue;
      }
      List<Long> list = replies.get(call.body().getJsonNumber("chat_id").longValue());
      if (list != null) {
        list.add(
            call.body().getJsonObject("reply_parameters").getJsonNumber("message_id").longValue());
      }
    }
    return replies;
  }

  /** How many distinct messages have been answered so far. */
  int answered() {
    return repliesByUser().values().stream()
        .mapToInt(list -> (int) list.stream().distinct().count())
        .sum();
  }

  /** Replies beyond the first to the same message. */
  int duplicates() {
    return repliesByUser().values().stream()
        .mapToInt(list -> list.size() - (int) list.stream().distinct().count())
        .sum();
  }

  /** Per user who has one, the messages answered more than once. */
  Map<Long, Set<Long>> answeredTwice() {
    Map<Long, Set<Long>> twice = new LinkedHashMap<>();
    repliesByUser()
        .forEach(
            (user, replies) -> {
              Set<Long> seen = new TreeSet<>();
              for (long message : replies) {
                if (!seen.add(message)) {
                  twice.computeIfAbsent(user, u -> new TreeSet<>()).add(message);
                }
              }
            });
    return twice;
  }

  /**
   * What the store held just after a kill: per user, the messages a node may still answer a second
   * time ({@code answerableAgain}), and how many of all messages were settled, their replies stored
   * and recorded as delivered.
   */
  record AtKill(Map<Long, Set<Long>> answerableAgain, int settled) {}

  /**
   * Reads {@code database} just after a kill (one query for all users). A node may still answer a
   * second time the messages with no stored reply or with one not recorded as delivered (a reply
   * recorded as delivered is never sent again), and those answered twice by the end of the read
   * already (a reply sent again may have been recorded before the read reached it).
   */
  AtKill atKill(MongoDatabase database) {
    Map<String, Boolean> delivered = new HashMap<>();
    database
        .getCollection("messages")
        .find(
            and(
                in("customerId", users.stream().map(user -> "telegram-" + user).toList()),
                eq("direction", "OUTBOUND")))
        .forEach(
            reply ->
                delivered.merge(
                    String.valueOf(reply.getString("inReplyTo")),
                    "DELIVERED".equals(reply.getString("deliveryState")),
                    Boolean::logicalAnd));
    Map<Long, Set<Long>> open = new LinkedHashMap<>();
    int settled = 0;
    for (long user : users) {
      Set<Long> messages = new TreeSet<>();
      for (long m = 1; m <= perUser; m++) {
        if (delivered.getOrDefault("telegram:" + user + "-" + m, false)) {
          settled++;
        } else {
          messages.add(m);
        }
      }
      open.put(user, messages);
    }
    answeredTwice().forEach((user, messages) -> open.get(user).addAll(messages));
    return new AtKill(open, settled);
  }

  /**
   * Fails unless every message answered twice is one that {@code atKill} named as answerable again,
   * and unless the check means something: at least half as many messages as were answered before
   * the kill must have been settled by then.
   */
  void assertAnsweredTwiceOnlyAmong(AtKill atKill, int answeredAtKill) {
    if (atKill.settled() < answeredAtKill / 2) {
      throw new AssertionError(
          "only "
              + atKill.settled()
              + " messages were recorded as delivered at the kill, of "
              + answeredAtKill
              + " answered: the check of duplicates would mean little");
    }
    answeredTwice()
        .forEach(
            (user, messages) -> {
              Set<Long> open = atKill.answerableAgain().get(user);
              if (!open.containsAll(messages)) {
                throw new AssertionError(
                    "user "
                        + user
                        + " was answered twice for "
                        + messages
                        + ", but only "
                        + open
                        + " were not recorded as delivered at the kill");
              }
            });
  }

  /**
   * Users whose stored turns are not exactly messages 1..n, each once, in order, each answered: the
   * store's side of "once", read from {@code database}.
   */
  List<String> storedWrongly(MongoDatabase database) {
    List<String> wrong = new ArrayList<>();
    for (long user : users) {
      List<String> expected = new ArrayList<>();
      for (int m = 1; m <= perUser; m++) {
        expected.add("telegram:" + user + "-" + m);
      }
      List<Document> turns =
          database
              .getCollection("messages")
              .find(and(eq("customerId", "telegram-" + user), eq("direction", "INBOUND")))
              .sort(Sorts.ascending("seq"))
              .into(new ArrayList<>());
      List<String> ids = turns.stream().map(turn -> turn.getString("_id")).toList();
      boolean answered =
          turns.stream().allMatch(turn -> "ANSWERED".equals(turn.getString("state")));
      if (!ids.equals(expected) || !answered) {
        wrong.add(user + ": " + ids + (answered ? "" : " (not all answered)"));
      }
    }
    return wrong;
  }

  /** The stored replies of these users that are not recorded as delivered. */
  List<String> undelivered(MongoDatabase database) {
    List<String> undelivered = new ArrayList<>();
    for (long user : users) {
      database
          .getCollection("messages")
          .find(and(eq("customerId", "telegram-" + user), eq("direction", "OUTBOUND")))
          .forEach(
              reply -> {
                if (!"DELIVERED".equals(reply.getString("deliveryState"))) {
                  undelivered.add(reply.getString("_id") + " " + reply.getString("deliveryState"));
                }
              });
    }
    return undelivered;
  }

  /** Users whose replies, first ones only, are not exactly 1..n in order. */
  List<String> outOfOrderOrMissing() {
    List<String> wrong = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    for (long m = 1; m <= perUser; m++) {
      expected.add(m);
    }
    repliesByUser()
        .forEach(
            (user, replies) -> {
              List<Long> firsts = replies.stream().distinct().toList();
              if (!firsts.equals(expected)) {
                wrong.add(user + ": " + firsts);
              }
            });
    return wrong;
  }

  @Override
  public void close() {
    posters.shutdownNow();
  }

  private void post(long user, int message, AtomicInteger counter) throws InterruptedException {
    int k = counter.getAndIncrement();
    boolean first = true;
    while (true) {
      String body = Webhooks.telegramText(user, message, "hello " + message).toString();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(target.apply(k) + "/webhooks/telegram"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("X-Telegram-Bot-Api-Secret-Token", Webhooks.TELEGRAM_SECRET)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      try {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          acknowledged.incrementAndGet();
          return;
        }
      } catch (IOException e) {
        // the node is down: Telegram tries again later
      }
      if (first) {
        resent.incrementAndGet();
        first = false;
      }
      Thread.sleep(250);
    }
  }
}
