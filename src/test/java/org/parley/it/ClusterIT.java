package org.parley.it;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Sorts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.infrastructure.messaging.jms.MessageGroups;

/**
 * Several nodes on existing engines, with real processes on this machine: two Parley nodes on the
 * cluster configuration (standalone-cluster.xml, each its own process and port offset), an Apache
 * Artemis 2.44.0 primary/backup pair made by deploy/artemis/create-broker.sh from the distribution
 * on Maven Central, and one shared document store: a standalone mongo-java-server process
 * (StoreProcess) standing in for MongoDB, which cannot run here, reached through MONGODB_URI.
 *
 * <p>Load is spread over the two nodes message by message, as a load balancer without stickiness
 * would. The tests share the brokers, the store and the nodes; each uses its own users. The
 * idle-dialog test's dialogs are opened with the cluster, so that their idle timeout runs out while
 * the load test runs. The two that kill something run late: the primary broker first (both nodes
 * must reconnect), then one node. Prints its figures; ClusterBenchmark (bench/cluster-benchmark.sh)
 * compares one node with two.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  /**
   * Short, so that the idle-dialog test waits seconds; but longer than a message of the load tests
   * waits in the queue, since a dialog's last activity is when its last message was handled. At 12
   * s the 50-user load's cold start (a user's next message handled up to ~20 s after the one
   * before, on 2 cores) ended some users' dialogs as idle, and their next messages opened new ones.
   */
  private static final String IDLE_TIMEOUT = "PT30S";

  private static StoreProcess store;
  private static ArtemisPair brokers;
  private static NodeProcess nodeA;
  private static NodeProcess nodeB;

  /** Whether node B takes traffic: the balancer stops sending to a node it finds dead. */
  private static volatile boolean bInRotation = true;

  private static long nextUser = 9_300_000_000L + (System.currentTimeMillis() % 1_000_000) * 1_000;

  @BeforeAll
  static void startCluster() throws InterruptedException {
    store = StoreProcess.start("cluster");
    brokers = ArtemisPair.start("cluster");
    String[] args = {
      NodeProcess.FAST_TELEGRAM,
      "-Dparley.dialog.idle-timeout=" + IDLE_TIMEOUT,
      "-Dparley.dialog.idle-check=PT1S",
      "-Dparley.limits.sessions.burst=1000"
    };
    nodeA = NodeProcess.launchInCluster("cluster-a", 500, store.uri(), env("cluster-a"), args);
    nodeB = NodeProcess.launchInCluster("cluster-b", 600, store.uri(), env("cluster-b"), args);
    nodeA.awaitReady();
    nodeB.awaitReady();
    // as a balancer would put the nodes in rotation: once they consume, not only once they answer
    // their readiness probe (the message-driven beans attach to the broker after the deployment)
    for (String queue : List.of("parley.inbound", "parley.outbound")) {
      Await.await(
          "both nodes' consumers on " + queue,
          Duration.ofMinutes(1),
          () -> brokers.consumers(queue) >= 2 * CONSUMERS_PER_NODE);
    }
    openIdleDialogs();
  }

  /** The two dialogs of the idle-dialog test, left idle from the start: see openIdleDialogs. */
  private static long idle;

  private static long later;

  /**
   * Opens the idle-dialog test's two dialogs as soon as the nodes consume, so that their idle
   * timeout runs out while the load test runs, not in a test of its own (it took ~35 s, a quarter
   * of the class): the test then finds the questions asked, by nodes that were busy meanwhile. No
   * other test touches these users.
   */
  private static void openIdleDialogs() throws InterruptedException {
    long first = users(2);
    idle = first;
    later = first + 1;
    assertEquals(200, telegram(nodeA, idle, 1, "hello").statusCode());
    Await.await("the first reply", Duration.ofSeconds(30), () -> !telegramTexts(idle).isEmpty());
    Thread.sleep(3_000);
    assertEquals(200, telegram(nodeB, later, 1, "hello").statusCode());
  }

  /** {@code parley.inbound.consumers} and {@code parley.outbound.consumers}, the defaults. */
  private static final int CONSUMERS_PER_NODE = 8;

  private static Map<String, String> env(String node) {
    Map<String, String> env = new java.util.HashMap<>(brokers.nodeEnvironment());
    env.put("PARLEY_NODE_ID", node);
    return env;
  }

  @AfterAll
  static void stopCluster() {
    for (AutoCloseable running : new AutoCloseable[] {nodeA, nodeB, brokers, store}) {
      try {
        if (running != null) {
          running.close();
        }
      } catch (Exception e) {
        System.err.println("Could not stop " + running + ": " + e);
      }
    }
  }

  private static String alternating(int k) {
    return (k % 2 == 1 && bInRotation ? nodeB : nodeA).http("");
  }

  private static synchronized long users(int count) {
    long first = nextUser;
    nextUser += count;
    return first;
  }

  @Test
  @Order(1)
  void fiftyUsersFortyMessagesEachAlternatedOverTwoNodesAreAnsweredOnceInOrder() throws Exception {
    int users = 50;
    int perUser = 40;
    try (TelegramLoad load =
        new TelegramLoad(
            users(users), users, perUser, Duration.ofMillis(50), ClusterIT::alternating)) {
      Instant start = Instant.now();
      load.start();
      load.awaitPosted(Duration.ofMinutes(5));
      Await.await(
          "every message answered", Duration.ofMinutes(5), () -> load.answered() == load.total());
      Duration took = Duration.between(start, Instant.now());
      System.out.printf(
          "Cluster, two nodes: %d users x %d messages alternated over the nodes, all answered in"
              + " %d ms (%.0f messages/s end to end); duplicates %d; posts sent again %d%n",
          users,
          perUser,
          took.toMillis(),
          load.total() * 1000.0 / took.toMillis(),
          load.duplicates(),
          load.resent());
      assertEquals(List.of(), load.storedWrongly(store.database()), "each stored once, answered");
      assertEquals(List.of(), load.outOfOrderOrMissing(), "each user's answers, in order");
      assertEquals(0, load.duplicates(), "no message answered twice");
      assertTrue(
          answeredOn(nodeA) > 0 && answeredOn(nodeB) > 0,
          "both nodes answered: A " + answeredOn(nodeA) + ", B " + answeredOn(nodeB));
      for (NodeProcess node : List.of(nodeA, nodeB)) {
        // the transaction manager warns WFLYTX0013 when a node keeps the default identifier
        assertTrue(
            !node.log().contains("WFLYTX0013"), node.name() + " has its own transaction node id");
        // the ordering guard's numbers add up: nothing waited out parley.ordering.wait
        assertTrue(
            !node.log().contains("without its predecessor"),
            node.name() + " handled nothing without its predecessor");
        // no keyset configured here: the development default, text in plain, said at start (the
        // texts storedWrongly reads above are plain strings)
        assertTrue(
            node.log().contains("dialog text is stored in PLAIN text"),
            node.name() + " says that it stores text in plain");
      }
    }
  }

  @Test
  @Order(2)
  void aStreamOnOneNodeReceivesRepliesDeliveredByTheOther() throws Exception {
    double deliveredByB = deliveredOn(nodeB, "webchat");
    List<ChatStream> streams = new ArrayList<>();
    try {
      // users until node B has delivered some of their replies: which node's consumer takes a
      // user is the broker's choice, so each round adds users (each round: all or none is 1/64)
      for (int round = 0; round < 4 && deliveredOn(nodeB, "webchat") == deliveredByB; round++) {
        List<ChatStream> added = new ArrayList<>();
        for (int u = 0; u < 6; u++) {
          ChatStream stream = ChatStream.open(nodeA); // the browser's stream is held by node A
          added.add(stream);
        }
        for (ChatStream stream : added) {
          for (int m = 1; m <= 3; m++) {
            HttpResponse<String> sent =
                post(
                    nodeB, // and its messages reach node B
                    "/chat/messages",
                    "{\"text\":\"hello " + m + "\",\"clientMessageId\":\"m" + m + "\"}",
                    stream.token);
            assertEquals(202, sent.statusCode(), sent.body());
          }
        }
        for (ChatStream stream : added) {
          stream.awaitReplies(List.of("m1", "m2", "m3"), Duration.ofMinutes(1));
        }
        streams.addAll(added);
      }
      double byB = deliveredOn(nodeB, "webchat") - deliveredByB;
      System.out.printf(
          "Cluster web chat: %d streams on node A, %d replies each, %.0f of them delivered by node"
              + " B%n",
          streams.size(), 3, byB);
      assertTrue(byB > 0, "node B delivered some of the replies streamed by node A");
      for (ChatStream stream : streams) {
        assertEquals(
            List.of("m1", "m2", "m3"), stream.inReplyTo(), "each reply pushed once, in order");
      }
    } finally {
      streams.forEach(ChatStream::close);
    }
  }

  @Test
  @Order(3)
  void anIdleDialogIsAskedForConsentOnceThoughBothNodesLookForIt() throws Exception {
    // the dialogs were opened by startCluster (openIdleDialogs): idle first, later 3 s after it
    Await.await(
        "the idle dialog's consent question",
        Duration.ofMinutes(1),
        () -> consentQuestions(idle) > 0);
    // absence of a second one, checked once the later dialog (idle 3 s after it) has been asked
    // too: by then both nodes have looked for idle dialogs a few more times
    Await.await(
        "the later dialog's consent question",
        Duration.ofMinutes(1),
        () -> consentQuestions(later) > 0);
    Thread.sleep(2_000);
    assertEquals(1, consentQuestions(idle), "one question sent: " + telegramTexts(idle));
    assertEquals(1, consentQuestions(later), "one question sent: " + telegramTexts(later));
    assertEquals(
        1,
        store
            .database()
            .getCollection("messages")
            .countDocuments(
                and(eq("customerId", "telegram-" + idle), regex("_id", "/consent-question$"))),
        "one question stored");
  }

  /**
   * What two nodes taking one user's webhooks at once can leave on the queue, and what a consumer
   * that dies with a user's message in hand can let happen (Artemis unbinds its groups before it
   * gives the message back): the user's message 3 on the queue before message 2, or reply 2 before
   * reply 1. The test puts them there itself, with the broker's own producer, numbered as intake
   * and the inbound consumer number them. Without the ordering guard 3 would be answered first, and
   * reply 2 sent first.
   */
  @Test
  @Order(4)
  void aMessageOrReplyQueuedBeforeItsPredecessorWaitsForIt() {
    long user = users(1);
    String group = MessageGroups.groupOf("telegram", String.valueOf(user), 1024);
    assertEquals(200, telegram(nodeA, user, 1, "hello").statusCode());
    Await.await(
        "the first answer", Duration.ofSeconds(30), () -> answeredMessages(user).contains(1L));

    brokers.send(
        "parley.inbound",
        queuedText(user, 3, "good morning"),
        group,
        Map.of("_AMQ_DUPL_ID", "telegram:" + user + "-3"));
    brokers.send(
        "parley.inbound",
        queuedText(user, 2, "thank you"),
        group,
        Map.of("_AMQ_DUPL_ID", "telegram:" + user + "-2"));
    Await.await(
        "messages 2 and 3 answered",
        Duration.ofSeconds(30),
        () -> answeredMessages(user).contains(3L) && answeredMessages(user).contains(2L));
    assertEquals(List.of(1L, 2L, 3L), answeredMessages(user).stream().distinct().toList());
    assertEquals(
        List.of("telegram:" + user + "-1", "telegram:" + user + "-2", "telegram:" + user + "-3"),
        store
            .database()
            .getCollection("messages")
            .find(and(eq("customerId", "telegram-" + user), eq("direction", "INBOUND")))
            .sort(Sorts.ascending("seq"))
            .map(document -> document.getString("_id"))
            .into(new ArrayList<>()),
        "the dialog holds them in the user's order");

    // reply 2 of a fourth message, queued before reply 1 (which follows nothing undelivered)
    long first = (4L << 10) | 1;
    brokers.send(
        "parley.outbound",
        queuedReply(user, "guard/2", "the second line", first + 1, first),
        group,
        Map.of());
    brokers.send(
        "parley.outbound",
        queuedReply(user, "guard/1", "the first line", first, 0),
        group,
        Map.of());
    Await.await(
        "both lines sent",
        Duration.ofSeconds(30),
        () -> telegramTexts(user).contains("the second line"));
    List<String> texts = telegramTexts(user);
    assertEquals(
        List.of("the first line", "the second line"),
        texts.subList(texts.size() - 2, texts.size()),
        "sent in their order: " + texts);
    assertEquals(1, texts.stream().filter("the first line"::equals).count(), "once: " + texts);
  }

  /** The messages of {@code user} the bot has answered, in the order of its answers. */
  private static List<Long> answeredMessages(long user) {
    return FakePlatforms.calls(
            c ->
                c.platform().equals("telegram")
                    && c.body().containsKey("chat_id")
                    && c.body().getJsonNumber("chat_id").longValue() == user
                    && c.body().containsKey("reply_parameters"))
        .stream()
        .map(
            c -> c.body().getJsonObject("reply_parameters").getJsonNumber("message_id").longValue())
        .toList();
  }

  /** A Telegram text as parley.inbound carries it (InboundMessage in JSON), numbered. */
  private static String queuedText(long user, int messageId, String text) {
    return Json.createObjectBuilder()
        .add("channel", "telegram")
        .add("userId", String.valueOf(user))
        .add("platformMessageId", user + "-" + messageId)
        .add("type", "TEXT")
        .add("text", text)
        .add("conversationRef", String.valueOf(user))
        .add("replyToRef", String.valueOf(messageId))
        .add("locale", "en")
        .add("sentAt", Instant.now().toString())
        .add("sequence", messageId)
        .add("previousReply", 0)
        .build()
        .toString();
  }

  /** A text reply as parley.outbound carries it (OutboundReply in JSON), at its position. */
  private static String queuedReply(
      long user, String replyId, String text, long position, long after) {
    return Json.createObjectBuilder()
        .add("replyId", replyId)
        .add("channel", "telegram")
        .add("userId", String.valueOf(user))
        .add("conversationRef", String.valueOf(user))
        .add("language", "EN")
        .add("kind", "TEXT")
        .add("text", text)
        .add("resent", false)
        .add("position", position)
        .add("after", after)
        .build()
        .toString();
  }

  @Test
  @Order(5)
  void killingThePrimaryBrokerLosesNothingAndKeepsOrder() throws Exception {
    int users = 24;
    int perUser = 15;
    try (TelegramLoad load =
        new TelegramLoad(
            users(users), users, perUser, Duration.ofMillis(200), ClusterIT::alternating)) {
      load.start();
      Await.await("80 answered", Duration.ofMinutes(3), () -> load.answered() >= 80);
      int acknowledgedAtKill = load.acknowledged();
      int answeredAtKill = load.answered();
      Instant killed = Instant.now();
      brokers.killPrimary();
      // before the backup is active nothing is redelivered; read after, it is still sound
      TelegramLoad.AtKill atKill = load.atKill(store.database());
      brokers.awaitBackupActive(Duration.ofMinutes(1));
      Instant backupActive = Instant.now();
      Await.await(
          "a reply after the failover",
          Duration.ofMinutes(2),
          () -> load.answered() > answeredAtKill + 10);
      Instant answeringAgain = Instant.now();

      load.awaitPosted(Duration.ofMinutes(5));
      Await.await(
          "every message answered", Duration.ofMinutes(5), () -> load.answered() == load.total());
      int inFlight = acknowledgedAtKill - answeredAtKill;
      System.out.printf(
          "Cluster, primary broker killed -9: %d messages from %d users; killed at %d"
              + " acknowledged, %d answered (%d in flight, %d recorded as delivered); backup active after %d ms; answering"
              + " again after %d ms, the longest wait of a user %d ms; lost 0; duplicates %d; out of"
              + " order %d; posts sent again %d%n",
          load.total(),
          users,
          acknowledgedAtKill,
          answeredAtKill,
          inFlight,
          atKill.settled(),
          Duration.between(killed, backupActive).toMillis(),
          Duration.between(killed, answeringAgain).toMillis(),
          longestWaitAfter(killed, load),
          load.duplicates(),
          load.outOfOrderOrMissing().size(),
          load.resent());
      assertNothingLostInOrder(load, atKill, answeredAtKill);
      assertTrue(nodeA.ready() && nodeB.ready(), "both nodes ready on the backup");
    }
  }

  @Test
  @Order(6)
  void theConsoleOnOneNodeClosesAPluginOnBothAndReadsTheRemoteBrokersDepths() {
    ConsoleClient onA = new ConsoleClient(nodeA.http(""));
    assertEquals(302, onA.signIn("admin", "dev-admin-password", null).statusCode());
    // the dashboard's queue depths come from the remote broker's management address
    String dashboard = onA.get("/admin/dashboard.xhtml").body();
    Matcher depth =
        Pattern.compile("id=\"inbound-depth\" class=\"value\">(-?\\d+)<").matcher(dashboard);
    assertTrue(depth.find(), "the dashboard shows the inbound depth");
    assertTrue(Long.parseLong(depth.group(1)) >= 0, "read from the broker: " + depth.group(1));
    assertEquals(200, quote(nodeB).statusCode(), "quotes answers on B before");
    pressOnPluginsPage(onA, "quotes", "Close");

    // node B hears of it through the broadcast (after the broker's failover, too)
    Await.await(
        "quotes closed on node B", Duration.ofSeconds(30), () -> quote(nodeB).statusCode() == 503);
    assertTrue(quote(nodeB).body().contains("plugin-closed"), quote(nodeB).body());
    assertEquals(503, quote(nodeA).statusCode(), "and on A, where it was closed");
    assertEquals(
        Boolean.FALSE,
        store
            .database()
            .getCollection("plugin_switches")
            .find(eq("_id", "quotes"))
            .first()
            .getBoolean("connected"),
        "recorded for nodes that start later");

    ConsoleClient onB = new ConsoleClient(nodeB.http(""));
    assertEquals(302, onB.signIn("admin", "dev-admin-password", null).statusCode());
    pressOnPluginsPage(onB, "quotes", "Connect");
    Await.await(
        "quotes connected on node A",
        Duration.ofSeconds(30),
        () -> quote(nodeA).statusCode() == 200);
    assertEquals(200, quote(nodeB).statusCode());
  }

  /** Presses a plugin's button on the console's plugins page, with the page's view state. */
  private static void pressOnPluginsPage(ConsoleClient console, String plugin, String button) {
    String page = console.get("/admin/plugins.xhtml").body();
    Matcher row =
        Pattern.compile(
                "<span class=\"name\">"
                    + plugin
                    + "</span>.*?name=\"(plugins:table:\\d+:[^\"]+)\" value=\""
                    + button
                    + "\"",
                Pattern.DOTALL)
            .matcher(page);
    assertTrue(row.find(), "a " + button + " button for " + plugin);
    HttpResponse<String> pressed =
        console.post(
            "/admin/plugins.xhtml", page, Map.of("plugins", "plugins", row.group(1), button));
    assertTrue(pressed.statusCode() < 400, pressed.statusCode() + " " + pressed.body());
  }

  /** The quotes plugin's API on a node, as the operator. */
  private static HttpResponse<String> quote(NodeProcess node) {
    String credentials = "operator:dev-operator-password";
    return Http.send(
        HttpRequest.newBuilder(URI.create(node.http("/plugins/quotes/quote")))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build());
  }

  @Test
  @Order(7)
  void killingANodeHandsItsUsersToTheOtherLosingNothing() throws Exception {
    int users = 24;
    int perUser = 15;
    try (TelegramLoad load =
        new TelegramLoad(
            users(users), users, perUser, Duration.ofMillis(200), ClusterIT::alternating)) {
      load.start();
      Await.await("80 answered", Duration.ofMinutes(3), () -> load.answered() >= 80);
      int acknowledgedAtKill = load.acknowledged();
      int answeredAtKill = load.answered();
      bInRotation = false; // the balancer's health check: B's posts go to A from now on
      Instant killed = Instant.now();
      nodeB.kill();
      TelegramLoad.AtKill atKill = load.atKill(store.database());

      load.awaitPosted(Duration.ofMinutes(5));
      Await.await(
          "every message answered", Duration.ofMinutes(5), () -> load.answered() == load.total());
      int inFlight = acknowledgedAtKill - answeredAtKill;
      System.out.printf(
          "Cluster, node B killed -9: %d messages from %d users; killed at %d acknowledged, %d"
              + " answered (%d in flight, %d recorded as delivered); longest wait of a user for the answer after the kill"
              + " %d ms; lost 0; duplicates %d; out of order %d; posts sent again %d%n",
          load.total(),
          users,
          acknowledgedAtKill,
          answeredAtKill,
          inFlight,
          atKill.settled(),
          longestWaitAfter(killed, load),
          load.duplicates(),
          load.outOfOrderOrMissing().size(),
          load.resent());
      assertNothingLostInOrder(load, atKill, answeredAtKill);
    }
  }

  /**
   * After a kill: every acknowledged message stored once and answered, each user's answers in
   * order, and a message answered twice only if its reply was not recorded as delivered when the
   * kill came (counting acknowledged minus answered misses those whose answer had arrived).
   */
  private static void assertNothingLostInOrder(
      TelegramLoad load, TelegramLoad.AtKill atKill, int answeredAtKill) {
    assertEquals(List.of(), load.storedWrongly(store.database()), "each stored once, answered");
    assertEquals(List.of(), load.outOfOrderOrMissing(), "each user's answers, in order");
    assertEquals(load.total(), load.acknowledged());
    load.assertAnsweredTwiceOnlyAmong(atKill, answeredAtKill);
  }

  /** Of the users still waiting at {@code at}, the longest time until their next answer. */
  private static long longestWaitAfter(Instant at, TelegramLoad load) {
    long longest = 0;
    Map<Long, List<Long>> byUser = load.repliesByUser();
    for (Long user : byUser.keySet()) {
      Instant next =
          FakePlatforms.calls(
                  c ->
                      c.platform().equals("telegram")
                          && c.body().containsKey("chat_id")
                          && c.body().getJsonNumber("chat_id").longValue() == user
                          && c.at().isAfter(at))
              .stream()
              .map(FakePlatforms.Call::at)
              .min(Instant::compareTo)
              .orElse(at);
      longest = Math.max(longest, Duration.between(at, next).toMillis());
    }
    return longest;
  }

  private static List<String> telegramTexts(long user) {
    return FakePlatforms.calls(
            c ->
                c.platform().equals("telegram")
                    && c.body().containsKey("chat_id")
                    && c.body().getJsonNumber("chat_id").longValue() == user
                    && c.body().containsKey("text"))
        .stream()
        .map(c -> c.body().getString("text"))
        .toList();
  }

  private static long consentQuestions(long user) {
    return telegramTexts(user).stream().filter(t -> t.startsWith("May I keep")).count();
  }

  private static HttpResponse<String> telegram(NodeProcess node, long user, int id, String text) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(node.http("/webhooks/telegram")))
            .header("Content-Type", "application/json")
            .header("X-Telegram-Bot-Api-Secret-Token", Webhooks.TELEGRAM_SECRET)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Webhooks.telegramText(user, id, text).toString()))
            .build());
  }

  private static HttpResponse<String> post(
      NodeProcess node, String path, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node.http(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Http.send(request.build());
  }

  /** For the event streams, which Http does not read (lines as they come). */
  private static final HttpClient STREAMS = HttpClient.newHttpClient();

  private static double answeredOn(NodeProcess node) {
    return metric(node, "parley_messages_answered_total", "telegram");
  }

  private static double deliveredOn(NodeProcess node, String channel) {
    return metric(node, "parley_messages_out_total", channel);
  }

  /** A counter of the node's Prometheus endpoint, for one channel (0 before its first count). */
  private static double metric(NodeProcess node, String name, String channel) {
    String metrics = Http.get(URI.create(node.management("/metrics"))).body();
    Matcher line =
        Pattern.compile(
                "(?m)^" + name + "\\{[^}]*channel=\"" + channel + "\"[^}]*\\} ([0-9.E+-]+)$")
            .matcher(metrics);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }

  /** A web chat user with a session, and its open event stream on one node. */
  private static final class ChatStream implements AutoCloseable {
    final String token;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<JsonObject> replies = new ArrayList<>();
    private final HttpResponse<Stream<String>> response;

    private ChatStream(String token, HttpResponse<Stream<String>> response) {
      this.token = token;
      this.response = response;
      Thread reader =
          new Thread(
              () -> {
                try {
                  response.body().forEach(lines::add);
                } catch (UncheckedIOException closed) {
                  // closed by the test or by the node going away
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    static ChatStream open(NodeProcess node) throws Exception {
      HttpResponse<String> session = post(node, "/chat/sessions", "", null);
      assertEquals(201, session.statusCode(), session.body());
      String token = Http.json(session).getString("token");
      HttpResponse<Stream<String>> response =
          STREAMS
              .sendAsync(
                  HttpRequest.newBuilder(URI.create(node.http("/chat/stream")))
                      .header("Authorization", "Bearer " + token)
                      .header("Accept", "text/event-stream")
                      .build(),
                  HttpResponse.BodyHandlers.ofLines())
              .get(30, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode());
      return new ChatStream(token, response);
    }

    /** Reads reply events until {@code expected} (their clientMessageIds) have all arrived. */
    void awaitReplies(List<String> expected, Duration limit) throws InterruptedException {
      long end = System.nanoTime() + limit.toNanos();
      boolean replyEvent = false;
      while (!inReplyTo().containsAll(expected) && System.nanoTime() < end) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line == null) {
          continue;
        }
        if (line.equals("event: reply")) {
          replyEvent = true;
        } else if (replyEvent && line.startsWith("data:")) {
          replies.add(Json.createReader(new StringReader(line.substring(5).strip())).readObject());
          replyEvent = false;
        }
      }
      assertTrue(inReplyTo().containsAll(expected), "pushed: " + inReplyTo());
    }

    List<String> inReplyTo() {
      return replies.stream().map(r -> r.getString("inReplyTo")).toList();
    }

    @Override
    public void close() {
      response.body().close();
    }
  }
}
