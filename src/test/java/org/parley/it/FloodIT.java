package org.parley.it;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Sorts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits with their default settings: one user's flood is refused (web chat) or shed
 * (platforms) without holding back another user; a platform's 429 is waited out and the chat's
 * replies follow in order at the platform's rate; one address's flood of web chat requests does not
 * limit another address; repeated refused console sign-ins pause that name and address.
 */
@ExtendWith(ArquillianExtension.class)
class FloodIT {

  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final AtomicLong MIDS = new AtomicLong(System.currentTimeMillis());

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Test
  void aWebChatUserOverTheLimitIsRefusedWithRetryAfterAndOnlyWhatWasTakenIsAnswered()
      throws InterruptedException {
    String token = session();
    List<String> accepted = new ArrayList<>();
    HttpResponse<String> refused = null;
    String refusedId = null;
    for (int i = 1; i <= 300 && refused == null; i++) {
      HttpResponse<String> answer = chat(token, "c" + i);
      if (answer.statusCode() == 202) {
        accepted.add("c" + i);
      } else {
        refused = answer;
        refusedId = "c" + i;
      }
    }
    assertTrue(accepted.size() >= 60, "at least the burst (60): " + accepted.size());
    assertEquals(429, refused.statusCode(), refused.body());
    assertEquals("application/problem+json", Http.contentType(refused));
    assertEquals("https://parley.org/problems/rate-limited", Http.json(refused).getString("type"));
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);

    Thread.sleep(retryAfter * 1000);
    assertEquals(202, chat(token, "later").statusCode(), "allowed again after Retry-After");
    accepted.add("later");

    Await.await("the reply to the later message", LIMIT, () -> repliedTo(token).contains("later"));
    assertEquals(accepted, repliedTo(token), "each message taken answered once, in order");
    assertFalse(repliedTo(token).contains(refusedId), "the refused message is not answered");
  }

  @Test
  void aFloodFromOneUserIsShedAndAnotherUserIsAnswered() throws InterruptedException {
    String flooder = "flood-" + MIDS.incrementAndGet();
    String other = "other-" + MIDS.incrementAndGet();
    double shedBefore = shed("messenger");
    for (int i = 1; i <= 100; i++) {
      HttpResponse<String> answer = messenger(flooder, "f" + i, "hello");
      assertEquals(200, answer.statusCode(), "every callback is acknowledged: " + answer.body());
      assertEquals("EVENT_RECEIVED", answer.body());
    }
    Instant posted = Instant.now();
    assertEquals(200, messenger(other, "o1", "tell me a quote").statusCode());
    Await.await("the other user's answer", LIMIT, () -> !messengerReplies(other).isEmpty());
    Duration otherWaited = Duration.between(posted, messengerReplies(other).get(0).at());

    Thread.sleep(1000); // the flooder's limit lets one more message through
    assertEquals(200, messenger(flooder, "later", "thanks").statusCode());
    Await.await(
        "the flooder's later message answered",
        LIMIT,
        () -> inboundIds("messenger-" + flooder).contains("messenger:" + flooder + "-later"));
    Await.await(
        "every message taken from the flooder answered",
        LIMIT,
        () -> messengerReplies(flooder).size() >= inboundIds("messenger-" + flooder).size());

    List<String> taken = inboundIds("messenger-" + flooder);
    assertEquals("messenger:" + flooder + "-later", taken.get(taken.size() - 1));
    List<Integer> numbers =
        taken.subList(0, taken.size() - 1).stream()
            .map(id -> Integer.parseInt(id.substring(("messenger:" + flooder + "-f").length())))
            .toList();
    for (int i = 0; i < 60; i++) {
      assertEquals(i + 1, numbers.get(i), "the burst of 60 is taken first: " + numbers);
    }
    for (int i = 1; i < numbers.size(); i++) {
      assertTrue(numbers.get(i) > numbers.get(i - 1), "in order: " + numbers);
    }
    assertTrue(numbers.size() < 100, "some were shed: " + numbers.size() + " taken");
    assertEquals(
        100 - numbers.size(),
        (int) (shed("messenger") - shedBefore),
        "what was not taken is counted as shed");
    System.out.printf(
        "Flood: 100 Messenger messages from one user (%d taken, %d shed); another user's first"
            + " reply came %d ms after its post%n",
        numbers.size(), 100 - numbers.size(), otherWaited.toMillis());
  }

  @Test
  void aTelegram429IsWaitedOutAndTheChatsRepliesFollowInOrderAtOnePerSecond() {
    long user = 8_800_000_000L + (MIDS.incrementAndGet() % 1_000_000);
    FakePlatforms.throttle(String.valueOf(user), 1, 2);
    for (int m = 1; m <= 6; m++) {
      assertEquals(
          200, Webhooks.telegram(Webhooks.telegramText(user, m, "hello " + m)).statusCode());
    }
    Await.await("six replies", LIMIT, () -> TelegramReplies.telegramRepliedTo(user).size() >= 6);

    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), TelegramReplies.telegramRepliedTo(user));
    List<Instant> refusals = FakePlatforms.throttled(String.valueOf(user));
    assertEquals(1, refusals.size(), "one 429, and no call again before its retry_after");
    List<Instant> sent = TelegramReplies.telegramTimes(user);
    Duration afterRefusal = Duration.between(refusals.get(0), sent.get(0));
    assertTrue(
        afterRefusal.compareTo(Duration.ofMillis(1950)) >= 0,
        "the first reply waited retry_after = 2 s, not " + afterRefusal.toMillis() + " ms");
    assertAtMostOnePerSecondAfterABurstOf(3, sent);
    System.out.printf(
        "Telegram 429: the reply followed %d ms after the refusal; gaps between replies (ms): %s%n",
        afterRefusal.toMillis(), gaps(sent));
  }

  @Test
  void slacksRetryAfterHeaderIsHonoured() {
    String channel = "DFLOOD" + MIDS.incrementAndGet();
    FakePlatforms.throttle(channel, 1, 1);
    String ts = String.valueOf(Instant.now().getEpochSecond());
    byte[] body =
        Json.createObjectBuilder()
            .add("type", "event_callback")
            .add(
                "event",
                Json.createObjectBuilder()
                    .add("type", "message")
                    .add("channel", channel)
                    .add("user", "U" + channel)
                    .add("text", "hello")
                    .add("ts", ts + ".000100")
                    .add("client_msg_id", "slack-" + channel))
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(
        200, Webhooks.slack(body, ts, Webhooks.slackSignature(body, ts), null).statusCode());
    Await.await(
        "the Slack reply",
        LIMIT,
        () ->
            !FakePlatforms.calls(
                    c ->
                        c.platform().equals("slack")
                            && c.body().getString("channel").equals(channel))
                .isEmpty());
    Instant refused = FakePlatforms.throttled(channel).get(0);
    Instant delivered =
        FakePlatforms.calls(
                c -> c.platform().equals("slack") && c.body().getString("channel").equals(channel))
            .get(0)
            .at();
    assertTrue(
        Duration.between(refused, delivered).compareTo(Duration.ofMillis(950)) >= 0,
        "Retry-After: 1 was waited out");
    assertEquals(1, FakePlatforms.throttled(channel).size());
  }

  @Test
  void aMessenger429IsWaitedOutThoughMessengerIsNotPaced() {
    String psid = "throttled-" + MIDS.incrementAndGet();
    FakePlatforms.throttle(psid, 1, 2);
    assertEquals(200, messenger(psid, "t1", "hello").statusCode());
    Await.await("the Messenger reply", LIMIT, () -> !messengerReplies(psid).isEmpty());

    List<Instant> refusals = FakePlatforms.throttled(psid);
    assertEquals(1, refusals.size(), "one 429, and no call again before its Retry-After");
    Duration waited = Duration.between(refusals.get(0), messengerReplies(psid).get(0).at());
    assertTrue(
        waited.compareTo(Duration.ofMillis(1950)) >= 0,
        "Retry-After: 2 was waited out, not " + waited.toMillis() + " ms");
    assertEquals(
        "DELIVERED",
        TestDocumentStore.database()
            .getCollection("messages")
            .find(and(eq("customerId", "messenger-" + psid), eq("direction", "OUTBOUND")))
            .first()
            .getString("deliveryState"),
        "recorded as delivered");
  }

  @Test
  void oneAddressFloodingTheWebChatDoesNotLimitAnother() {
    String token = session();
    Map<String, String> headers = Map.of("Authorization", "Bearer " + token);
    int ok = 0;
    RawHttp.Answer limited = null;
    for (int i = 0; i < 400 && limited == null; i++) {
      RawHttp.Answer answer =
          RawHttp.send("127.0.0.2", "GET", "/chat/messages?after=0", headers, null);
      if (answer.status() == 429) {
        limited = answer;
      } else {
        assertEquals(200, answer.status(), answer.body());
        ok++;
      }
    }
    assertTrue(limited != null, "127.0.0.2 was limited after " + ok + " requests");
    assertTrue(ok >= 200, "the burst of parley.limits.client.burst = 200: " + ok);
    assertTrue(limited.headers().containsKey("retry-after"));
    assertTrue(limited.contentType().startsWith("application/problem+json"));
    assertEquals(
        200,
        RawHttp.send("127.0.0.1", "GET", "/chat/messages?after=0", headers, null).status(),
        "another address is not limited");
  }

  @Test
  void repeatedRefusedSignInsPauseTheNameAndTheAddressAndAreAudited() {
    ConsoleClient console = new ConsoleClient();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> refused = console.signIn("admin", "wrong-" + i, null);
      assertEquals(200, refused.statusCode());
      assertTrue(refused.body().contains("Wrong user name or password."), refused.body());
    }
    HttpResponse<String> paused = console.signIn("admin", "dev-admin-password", null);
    assertEquals(200, paused.statusCode(), "not signed in, though the password is right");
    assertTrue(paused.body().contains("Sign-in is paused"), paused.body());
    assertFalse(paused.body().contains("Wrong user name"));
    HttpResponse<String> otherName = new ConsoleClient().signIn("someone-else", "x", null);
    assertTrue(otherName.body().contains("from this address"), "the address is paused too");

    List<Document> audit =
        TestDocumentStore.database()
            .getCollection("audit_log")
            .find(eq("action", "SIGN_IN_LOCKED_OUT"))
            .into(new ArrayList<>());
    assertTrue(
        audit.stream().anyMatch(entry -> "admin".equals(entry.getString("who"))), audit.toString());
  }

  // ---- helpers

  private static void assertAtMostOnePerSecondAfterABurstOf(int burst, List<Instant> sent) {
    for (int i = 0; i < sent.size(); i++) {
      for (int j = i + 1; j < sent.size(); j++) {
        long window = Duration.between(sent.get(i), sent.get(j)).toMillis() + 100;
        assertTrue(
            j - i <= burst - 1 + window / 1000,
            "replies " + i + ".." + j + " within " + window + " ms: " + gaps(sent));
      }
    }
  }

  private static List<Long> gaps(List<Instant> times) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(Duration.between(times.get(i - 1), times.get(i)).toMillis());
    }
    return gaps;
  }

  private static String session() {
    HttpResponse<String> response = Http.send(Webhooks.post("/chat/sessions", "").build());
    assertEquals(201, response.statusCode(), response.body());
    return Http.json(response).getString("token");
  }

  private static HttpResponse<String> chat(String token, String clientMessageId) {
    return Http.send(
        Webhooks.post(
                "/chat/messages",
                "{\"text\":\"hello\",\"clientMessageId\":\"" + clientMessageId + "\"}")
            .header("Authorization", "Bearer " + token)
            .build());
  }

  /** The distinct client message ids the replies answer, in the order the replies came. */
  private static List<String> repliedTo(String token) {
    HttpResponse<String> page =
        Http.send(
            HttpRequest.newBuilder(TestEnvironment.http("/chat/messages?after=0"))
                .header("Authorization", "Bearer " + token)
                .build());
    List<String> ids = new ArrayList<>();
    for (JsonObject reply : Http.json(page).getJsonArray("replies").getValuesAs(JsonObject.class)) {
      String id = reply.getString("inReplyTo", null);
      if (id != null && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * A Messenger text whose mid is {@code psid + "-" + mid}: unique per run, since the broker's
   * duplicate-id cache outlives a deployment (it is kept in the server's journal).
   */
  private static HttpResponse<String> messenger(String psid, String mid, String text) {
    long now = System.currentTimeMillis();
    byte[] body =
        Json.createObjectBuilder()
            .add("object", "page")
            .add(
                "entry",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("id", "PAGE")
                            .add("time", now)
                            .add(
                                "messaging",
                                Json.createArrayBuilder()
                                    .add(
                                        Json.createObjectBuilder()
                                            .add(
                                                "sender",
                                                Json.createObjectBuilder().add("id", psid))
                                            .add(
                                                "recipient",
                                                Json.createObjectBuilder().add("id", "PAGE"))
                                            .add("timestamp", now)
                                            .add(
                                                "message",
                                                Json.createObjectBuilder()
                                                    .add("mid", psid + "-" + mid)
                                                    .add("text", text))))))
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    return Webhooks.messenger(body, Webhooks.messengerSignature(body));
  }

  private static List<FakePlatforms.Call> messengerReplies(String psid) {
    return FakePlatforms.calls(
        c ->
            c.platform().equals("messenger")
                && c.body().getJsonObject("recipient").getString("id").equals(psid));
  }

  private static List<String> inboundIds(String customerId) {
    return TestDocumentStore.database()
        .getCollection("messages")
        .find(and(eq("customerId", customerId), eq("direction", "INBOUND")))
        .sort(Sorts.ascending("seq"))
        .into(new ArrayList<>())
        .stream()
        .map(d -> d.getString("_id"))
        .toList();
  }

  private static double shed(String channel) {
    return Http.get(TestEnvironment.management("/metrics"))
        .body()
        .lines()
        .filter(
            line ->
                line.startsWith("parley_messages_shed_total")
                    && line.contains("channel=\"" + channel + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** The Telegram replies to a user's private chat, as the stand-in recorded them. */
  private static final class TelegramReplies {
    static List<Long> telegramRepliedTo(long user) {
      List<Long> ids = new ArrayList<>();
      for (FakePlatforms.Call call : calls(user)) {
        if (call.body().containsKey("reply_parameters")) {
          long id =
              call.body().getJsonObject("reply_parameters").getJsonNumber("message_id").longValue();
          if (!ids.contains(id)) {
            ids.add(id);
          }
        }
      }
      return ids;
    }

    static List<Instant> telegramTimes(long user) {
      return calls(user).stream().map(FakePlatforms.Call::at).toList();
    }

    private static List<FakePlatforms.Call> calls(long user) {
      return FakePlatforms.calls(
          c ->
              c.platform().equals("telegram")
                  && c.body().containsKey("chat_id")
                  && c.body().get("chat_id").toString().equals(String.valueOf(user)));
    }
  }
}
