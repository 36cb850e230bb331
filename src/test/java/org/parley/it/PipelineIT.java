package org.parley.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.Await.await;
import static org.parley.it.Problems.assertProblem;
import static org.parley.it.TelegramChats.dialogOf;
import static org.parley.it.TelegramChats.inbound;
import static org.parley.it.TelegramChats.inboundIds;
import static org.parley.it.TelegramChats.isTelegramTo;
import static org.parley.it.TelegramChats.messengerReplies;
import static org.parley.it.TelegramChats.newUser;
import static org.parley.it.TelegramChats.outbound;
import static org.parley.it.TelegramChats.repliedTo;
import static org.parley.it.TelegramChats.slackReplies;
import static org.parley.it.TelegramChats.telegramReplies;

import jakarta.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.interfaces.webhook.WebhookFixtures;
import org.parley.it.FakePlatforms.Call;
import org.parley.it.failing.FailingPlugin;

/**
 * The conversation pipeline end to end, over HTTP as the platforms post, against FakePlatforms as
 * their send APIs: signatures, batches, order, once-only, outages, poison messages and consent.
 * Every effect is checked where it lands: the platform's received calls and the raw collections.
 */
@ExtendWith(ArquillianExtension.class)
class PipelineIT {

  private static final Duration LIMIT = Duration.ofSeconds(90);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war()
        .addPackage(FailingPlugin.class.getPackage())
        .addAsResource(
            new File("src/test/resources/test-plugins/failing/plugin.yaml"),
            "plugins/failing/plugin.yaml")
        .addAsResource(
            new File("src/test/resources/test-plugins/failing/intents/selfdestruct.txt"),
            "plugins/failing/intents/selfdestruct.txt");
  }

  // --- Telegram ---------------------------------------------------------------------------

  @Test
  void telegramNeedsItsSecretTokenAndNothingRefusedIsQueued() {
    long user = newUser();
    assertProblem(
        Webhooks.telegram(Webhooks.telegramText(user, 1, "hello").toString(), null),
        401,
        "signature-missing",
        "X-Telegram-Bot-Api-Secret-Token");
    assertProblem(
        Webhooks.telegram(Webhooks.telegramText(user, 2, "hello").toString(), "not-the-token"),
        403,
        "signature-invalid",
        "X-Telegram-Bot-Api-Secret-Token");
    assertProblem(
        Webhooks.telegram("{\"update_id\": ", Webhooks.TELEGRAM_SECRET),
        400,
        "malformed-payload",
        "body");

    assertEquals(200, Webhooks.telegram(Webhooks.telegramText(user, 3, "hello")).statusCode());

    await("the reply to message 3", LIMIT, () -> telegramReplies(user).size() == 1);
    // a user's messages are answered in order: had 1 or 2 been queued, they were answered first
    assertEquals(List.of(3L), repliedTo(telegramReplies(user)));
    assertEquals(List.of("telegram:" + user + "-3"), inboundIds("telegram-" + user));
    JsonObject reply = telegramReplies(user).get(0).body();
    assertEquals(user, reply.getJsonNumber("chat_id").longValue());
    assertFalse(reply.getString("text").isBlank());
  }

  @Test
  void fiftyUsersFortyMessagesEachAreAnsweredOnceEachInOrder() throws Exception {
    int users = 50;
    int perUser = 40;
    List<String> texts = List.of("hello", "tell me a quote", "thanks", "hi there");
    long first = newUser();
    ExecutorService posters = Executors.newFixedThreadPool(users);
    List<Future<?>> posted = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      long user = first + u;
      posted.add(
          posters.submit(
              () -> {
                for (int m = 1; m <= perUser; m++) {
                  String text = texts.get(m % texts.size()) + " #" + m;
                  int status = Webhooks.telegram(Webhooks.telegramText(user, m, text)).statusCode();
                  assertEquals(200, status, "message " + m + " of " + user);
                }
                return null;
              }));
    }
    for (Future<?> future : posted) {
      future.get();
    }
    posters.shutdown();

    await(
        users * perUser + " replies",
        Duration.ofMinutes(3),
        () ->
            FakePlatforms.calls(c -> isTelegramTo(c, first, first + users - 1)).size()
                >= users * perUser);
    List<Long> expected = new ArrayList<>();
    for (long m = 1; m <= perUser; m++) {
      expected.add(m);
    }
    for (long user = first; user < first + users; user++) {
      assertEquals(
          expected,
          repliedTo(telegramReplies(user)),
          "user " + user + ": one reply per message, in the order of the messages");
      List<Document> turns = inbound("telegram-" + user);
      assertEquals(perUser, turns.size());
      for (int i = 0; i < perUser; i++) {
        assertEquals("telegram:" + user + "-" + (i + 1), turns.get(i).getString("_id"));
        assertEquals("ANSWERED", turns.get(i).getString("state"));
        assertNotNull(turns.get(i).getString("intent"));
        assertNotNull(turns.get(i).getDate("understoodAt"));
      }
      long dialogs =
          TestDocumentStore.database()
              .getCollection("dialogs")
              .countDocuments(eq("customerId", "telegram-" + user));
      assertEquals(1, dialogs, "one open dialog holds all of the user's turns");
    }
    assertEquals(
        users * perUser,
        FakePlatforms.calls(c -> isTelegramTo(c, first, first + users - 1)).size(),
        "no reply twice");
  }

  @Test
  void anUpdatePostedThreeTimesIsStoredAndAnsweredOnce() {
    long user = newUser();
    JsonObject update = Webhooks.telegramText(user, 1, "tell me a quote");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, Webhooks.telegram(update).statusCode());
    }
    assertEquals(200, Webhooks.telegram(Webhooks.telegramText(user, 2, "thanks")).statusCode());

    await(
        "the reply to the next message",
        LIMIT,
        () -> repliedTo(telegramReplies(user)).contains(2L));
    assertEquals(
        List.of(1L, 2L), repliedTo(telegramReplies(user)), "one reply for the three posts");
    assertEquals(
        List.of("telegram:" + user + "-1", "telegram:" + user + "-2"),
        inboundIds("telegram-" + user));
  }

  @Test
  void repliesWaitForAPlatformThatIsDownAndArriveInOrderWhenItRecovers() throws Exception {
    long first = newUser();
    long refusedBefore = FakePlatforms.refusedWhileDown();
    FakePlatforms.downFor(Duration.ofSeconds(10));
    Instant recovered = Instant.now().plusSeconds(10);
    for (int m = 1; m <= 5; m++) {
      for (long user = first; user < first + 3; user++) {
        assertEquals(
            200, Webhooks.telegram(Webhooks.telegramText(user, m, "hello " + m)).statusCode());
      }
    }
    await(
        "15 replies after the outage",
        Duration.ofMinutes(2),
        () -> FakePlatforms.calls(c -> isTelegramTo(c, first, first + 2)).size() >= 15);

    assertTrue(FakePlatforms.refusedWhileDown() > refusedBefore, "the outage was met");
    for (long user = first; user < first + 3; user++) {
      List<Call> replies = telegramReplies(user);
      assertEquals(
          List.of(1L, 2L, 3L, 4L, 5L), repliedTo(replies), "none lost, none twice, in order");
      assertFalse(replies.get(0).at().isBefore(recovered.minusMillis(200)), "sent after recovery");
      for (Document reply : outbound("telegram-" + user)) {
        assertEquals("DELIVERED", reply.getString("deliveryState"), reply.toJson());
        assertNotNull(reply.getDate("deliveredAt"));
        assertNotNull(reply.getString("platformMessageId"));
      }
    }
  }

  /** Fault test (d), with its figures printed (README, "Fault tests"). */
  @Test
  void aMessageThatAlwaysFailsIsDeadLetteredAndTheUsersNextMessageIsAnswered() {
    long user = newUser();
    java.time.Instant posted = java.time.Instant.now();
    assertEquals(
        200,
        Webhooks.telegram(Webhooks.telegramText(user, 1, "please self destruct now")).statusCode());
    assertEquals(200, Webhooks.telegram(Webhooks.telegramText(user, 2, "hello")).statusCode());

    await(
        "the reply to the next message",
        LIMIT,
        () -> repliedTo(telegramReplies(user)).contains(2L));
    assertEquals(List.of(2L), repliedTo(telegramReplies(user)), "the poison message got no reply");
    long answeredAfter = Duration.between(posted, telegramReplies(user).get(0).at()).toMillis();
    Document poison =
        TestDocumentStore.database()
            .getCollection("messages")
            .find(eq("_id", "telegram:" + user + "-1"))
            .first();
    assertNotNull(poison, "the message is kept, unanswered");
    assertEquals("FAILED", poison.getString("state"));
    assertEquals("selfdestruct", poison.getString("intent"));
    assertEquals(5, poison.getInteger("attempts"), "parley.delivery.max-attempts failed attempts");
    assertTrue(
        TestKeys.opened(poison, "messages", "failure").contains("the failing plugin always fails"),
        "the reason, sealed at rest like the text: " + poison.toJson());
    assertEquals(
        0,
        outbound("telegram-" + user).stream()
            .filter(r -> r.getString("inReplyTo").endsWith("-1"))
            .count());

    List<String> dead = DeadLetters.inbound();
    assertTrue(
        dead.stream()
            .anyMatch(m -> m.contains("\"_AMQ_DUPL_ID\" : \"dead:telegram:" + user + "-1@ID:")),
        "on parley.inbound.DLQ: " + dead);
    assertTrue(
        parleyMetrics().stream()
            .anyMatch(
                l -> l.startsWith("parley_dead_letters_total{") && l.contains("parley.inbound")),
        "counted as a dead letter");
    System.out.printf(
        "Fault (d) poison message: dead-lettered after %d attempts; the same user's next message"
            + " answered %d ms after the poison was posted%n",
        poison.getInteger("attempts"), answeredAfter);
  }

  // --- consent ---------------------------------------------------------------------------

  @Test
  void aGoodbyeAsksForConsentAndYesKeepsTheDialog() {
    long user = newUser();
    Webhooks.telegram(Webhooks.telegramText(user, 1, "hello"));
    Webhooks.telegram(Webhooks.telegramText(user, 2, "goodbye"));
    await("the consent question", LIMIT, () -> telegramReplies(user).size() == 3);
    Call question = telegramReplies(user).get(2);
    assertTrue(question.body().getString("text").startsWith("May I keep our conversation?"));
    assertEquals(
        List.of("Yes", "No"),
        question
            .body()
            .getJsonObject("reply_markup")
            .getJsonArray("inline_keyboard")
            .getJsonArray(0)
            .getValuesAs(JsonObject.class)
            .stream()
            .map(b -> b.getString("callback_data"))
            .toList());
    Document dialog = dialogOf("telegram-" + user);
    assertEquals("AWAITING_CONSENT", dialog.getString("status"));
    assertFalse(dialog.getBoolean("consent"));

    long botMessage = question.id();
    var tapped =
        Webhooks.telegram(Webhooks.telegramCallback(user, "cb-" + user, botMessage, "Yes"));
    assertEquals(200, tapped.statusCode());
    assertEquals(
        "answerCallbackQuery", Http.json(tapped).getString("method"), "the tap is acknowledged");
    assertEquals("cb-" + user, Http.json(tapped).getString("callback_query_id"));
    await("the thank-you", LIMIT, () -> telegramReplies(user).size() == 4);
    assertTrue(telegramReplies(user).get(3).body().getString("text").startsWith("Thank you"));

    dialog = dialogOf("telegram-" + user);
    assertTrue(dialog.getBoolean("consent"), "kept");
    assertEquals("ENDED", dialog.getString("status"));
    assertEquals(
        200,
        DataApiClient.READER
            .get("/data/telegram-" + user + "/" + dialog.getString("_id"))
            .statusCode(),
        "the DataAPI serves it now");
    assertEquals(
        5,
        TestDocumentStore.database()
            .getCollection("messages")
            .countDocuments(eq("dialogId", dialog.getString("_id"))),
        "2 messages, 3 replies");
  }

  @Test
  void noDeletesTheDialogCompletely() {
    long user = newUser();
    Webhooks.telegram(Webhooks.telegramText(user, 1, "hello"));
    Webhooks.telegram(Webhooks.telegramText(user, 2, "bye"));
    await("the consent question", LIMIT, () -> telegramReplies(user).size() == 3);
    String dialogId = dialogOf("telegram-" + user).getString("_id");

    Webhooks.telegram(Webhooks.telegramText(user, 3, "No"));
    await("the confirmation", LIMIT, () -> telegramReplies(user).size() == 4);
    assertTrue(telegramReplies(user).get(3).body().getString("text").startsWith("Understood"));
    assertEquals(
        0,
        TestDocumentStore.database()
            .getCollection("dialogs")
            .countDocuments(eq("customerId", "telegram-" + user)));
    assertEquals(
        0,
        TestDocumentStore.database()
            .getCollection("messages")
            .countDocuments(eq("customerId", "telegram-" + user)));
    assertEquals(
        0,
        TestDocumentStore.database()
            .getCollection("messages")
            .countDocuments(eq("dialogId", dialogId)));
  }

  // --- Messenger ---------------------------------------------------------------------------

  @Test
  void messengerVerificationHandshake() {
    String ok =
        "/webhooks/messenger?hub.mode=subscribe&hub.verify_token="
            + Webhooks.MESSENGER_VERIFY_TOKEN
            + "&hub.challenge=1158201444";
    var response = Http.get(Webhooks.uri(ok));
    assertEquals(200, response.statusCode());
    assertEquals("1158201444", response.body());
    assertProblem(
        Http.get(
            Webhooks.uri(
                "/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1")),
        403,
        "signature-invalid",
        "hub.verify_token");
  }

  @Test
  void aBatchedMessengerCallbackIsVerifiedAndEveryMessageAnswered() {
    String run = Long.toString(newUser());
    String userA = "65" + run;
    String userB = "77" + run;
    byte[] body =
        new String(WebhookFixtures.bytes("messenger-batched.json"), StandardCharsets.UTF_8)
            .replace("6543210987654321", userA)
            .replace("7777777777777777", userB)
            .replace("m_batch_", "m_" + run + "_batch_")
            .getBytes(StandardCharsets.UTF_8);

    assertProblem(Webhooks.messenger(body, null), 401, "signature-missing", "X-Hub-Signature-256");
    assertProblem(
        Webhooks.messenger(body, "sha256=" + "0".repeat(64)),
        403,
        "signature-invalid",
        "X-Hub-Signature-256");
    var accepted = Webhooks.messenger(body, Webhooks.messengerSignature(body));
    assertEquals(200, accepted.statusCode(), accepted.body());

    await(
        "replies to both users",
        LIMIT,
        () -> messengerReplies(userA).size() == 2 && messengerReplies(userB).size() == 1);
    assertEquals(
        List.of("messenger:m_" + run + "_batch_1_user_a", "messenger:m_" + run + "_batch_2_user_a"),
        inboundIds("messenger-" + userA),
        "both of A's messages, in order");
    assertEquals(
        List.of("messenger:m_" + run + "_batch_3_user_b"),
        inboundIds("messenger-" + userB),
        "B's message; the delivery receipt and the echo of our own reply are not messages");
    JsonObject sent = messengerReplies(userA).get(0).body();
    assertEquals("RESPONSE", sent.getString("messaging_type"));
    assertFalse(sent.getJsonObject("message").getString("text").isBlank());
  }

  // --- Slack -------------------------------------------------------------------------------

  @Test
  void slackChecksSignatureAndAgeAnswersTheUrlCheckAndRepliesInTheThread() {
    byte[] check = WebhookFixtures.bytes("slack-url-verification.json");
    String now = Long.toString(Instant.now().getEpochSecond());
    var challenge = Webhooks.slack(check, now, Webhooks.slackSignature(check, now), null);
    assertEquals(200, challenge.statusCode(), challenge.body());
    assertTrue(Http.json(challenge).containsKey("challenge"));

    String run = Long.toString(newUser());
    String user = "U" + run;
    String ts = Instant.now().getEpochSecond() + "." + run.substring(run.length() - 6);
    byte[] message =
        new String(WebhookFixtures.bytes("slack-message-thread.json"), StandardCharsets.UTF_8)
            .replace("U2147483697", user)
            .replace("1763890006.000300", ts)
            .getBytes(StandardCharsets.UTF_8);
    assertProblem(
        Webhooks.slack(message, now, null, null), 401, "signature-missing", "X-Slack-Signature");
    String old = Long.toString(Instant.now().minusSeconds(6 * 60).getEpochSecond());
    var stale = Webhooks.slack(message, old, Webhooks.slackSignature(message, old), null);
    assertEquals(403, stale.statusCode(), "signed correctly, but six minutes old");
    assertEquals(
        403,
        Webhooks.slack(
                message,
                now,
                Webhooks.slackSignature(message, now).replace('a', 'b').replace('1', '2'),
                null)
            .statusCode());

    assertEquals(
        200,
        Webhooks.slack(message, now, Webhooks.slackSignature(message, now), null).statusCode());
    // Slack did not see our 200 in time and retries: accepted, and not answered twice
    assertEquals(
        200, Webhooks.slack(message, now, Webhooks.slackSignature(message, now), "1").statusCode());
    byte[] bot = WebhookFixtures.bytes("slack-bot-message.json");
    assertEquals(
        200, Webhooks.slack(bot, now, Webhooks.slackSignature(bot, now), null).statusCode());

    await("the reply in the thread", LIMIT, () -> slackReplies("C024BE91L").size() == 1);
    JsonObject reply = slackReplies("C024BE91L").get(0).body();
    assertEquals("1763890005.000200", reply.getString("thread_ts"), "into the user's thread");
    assertEquals(List.of("slack:C024BE91L-" + ts), inboundIds("slack-" + user));
    assertEquals(List.of(), slackReplies("D024BE91L"), "the bot's own message is not answered");
  }

  // --- figures -----------------------------------------------------------------------------

  @Test
  void thePipelinesFiguresAreOnTheMetricsEndpoint() {
    long user = newUser();
    Webhooks.telegram(Webhooks.telegramText(user, 1, "hello"));
    await("a reply", LIMIT, () -> telegramReplies(user).size() == 1);
    List<String> metrics =
        Http.get(TestEnvironment.management("/metrics"))
            .body()
            .lines()
            .filter(line -> line.startsWith("parley_"))
            .toList();
    for (String name :
        List.of(
            "parley_messages_in_total",
            "parley_messages_answered_total",
            "parley_messages_out_total",
            "parley_webhook_ack_seconds_count",
            "parley_turn_seconds_count",
            "parley_turn_seconds_sum")) {
      assertTrue(
          metrics.stream()
              .anyMatch(l -> l.startsWith(name + "{") && l.contains("channel=\"telegram\"")),
          name + " for telegram is missing from: " + metrics);
    }
    assertTrue(
        metrics.stream()
            .anyMatch(
                l -> l.startsWith("parley_turn_seconds_count{") && l.contains("language=\"EN\"")),
        "turn latency by language");
  }

  static List<String> parleyMetrics() {
    return Http.get(TestEnvironment.management("/metrics"))
        .body()
        .lines()
        .filter(line -> line.startsWith("parley_"))
        .toList();
  }

  // --- helpers -----------------------------------------------------------------------------

  /** A Telegram user id no other test (or run against the same broker) uses. */
}
