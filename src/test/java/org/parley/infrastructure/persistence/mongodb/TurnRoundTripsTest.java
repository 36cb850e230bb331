package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Sorts;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.application.ChannelClient;
import org.parley.application.InboundMessage;
import org.parley.application.OutboundReply;
import org.parley.application.internal.ConsentConversation;
import org.parley.application.internal.DefaultConversationService;
import org.parley.application.internal.DefaultReplyDelivery;
import org.parley.application.internal.SendPacing;
import org.parley.nlu.api.NluEngine;
import org.parley.nlu.api.NluResult;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.Plugin;
import org.parley.plugin.api.PluginContext;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginDescriptor.Route;
import org.parley.plugin.api.PluginHealth;
import org.parley.plugin.api.Reply;
import org.parley.plugin.internal.PluginRegistry;
import org.parley.plugin.internal.PluginRouter;
import org.parley.testing.NoPipelineMetrics;
import org.parley.testing.TestClock;

/**
 * What a turn and a delivery cost the store (#13): the conversation service and the reply delivery
 * over the real adapters on the embedded store, every command the driver sends counted by its
 * {@link CommandListener}. A turn in an open dialog costs at most 3 round trips, the first message
 * of a customer too, a delivered reply 1, so that a regression fails the build. Each count is
 * checked with what the turn stored (numbers, states, counts) and with what a redelivery must not
 * do (store twice, run the plugin twice, send twice).
 *
 * <p>The NLU and the plugin are this test's own: they cost the store nothing, and the NLU's answer
 * is fixed. The platform's client is a stand-in that returns a message id.
 */
class TurnRoundTripsTest {

  private static final Set<String> NOT_ROUND_TRIPS_OF_A_TURN =
      Set.of("hello", "isMaster", "ismaster", "buildInfo", "saslStart", "saslContinue");
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dir;

  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<BsonDocument> filters = new CopyOnWriteArrayList<>();
  private final List<OutboundReply> queued = new CopyOnWriteArrayList<>();
  private final AtomicInteger pluginRuns = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final TestClock clock = new TestClock(T0);

  private EmbeddedStoreFixture fixture;
  private DefaultConversationService conversations;
  private DefaultReplyDelivery delivery;

  @BeforeEach
  void wire() throws Exception {
    fixture =
        EmbeddedStoreFixture.start(
            dir,
            new CommandListener() {
              @Override
              public void commandStarted(CommandStartedEvent event) {
                if (!NOT_ROUND_TRIPS_OF_A_TURN.contains(event.getCommandName())) {
                  commands.add(
                      event.getCommandName()
                          + " "
                          + event.getCommand().get(event.getCommandName()));
                }
              }
            });
    DialogCipher cipher = DialogCipher.of(Keysets.generate());
    MongoTurnStore turns = adapter(new MongoTurnStore(), cipher);
    MongoConsentQuestions questions = adapter(new MongoConsentQuestions(), cipher);
    MongoHandoffs handoffs = adapter(new MongoHandoffs(), cipher);
    MongoPendingActionStore pending = adapter(new MongoPendingActionStore(), cipher);
    MongoDeliveryRecords deliveries = adapter(new MongoDeliveryRecords(), cipher);

    Plugin greeter = new Greeter(pluginRuns);
    PluginRegistry registry =
        new PluginRegistry() {
          @Override
          public Optional<Routed> routeFor(String intent) {
            return greeter.descriptor().routes().stream()
                .filter(route -> route.intent().equals(intent))
                .findFirst()
                .map(route -> new Routed(greeter, route));
          }

          @Override
          public boolean connected(String name) {
            return true;
          }

          @Override
          public Optional<Plugin> plugin(String name) {
            return Optional.of(greeter);
          }
        };
    PluginRouter router = new PluginRouter();
    inject(router, "registry", registry);
    inject(router, "pending", pending);
    ConsentConversation consent = new ConsentConversation();
    inject(consent, "questions", questions);
    NluEngine nlu = (text, context) -> new NluResult("EN", "greeting", 0.95, List.of(), List.of());

    conversations = new DefaultConversationService();
    inject(conversations, "turns", turns);
    inject(conversations, "questions", questions);
    inject(conversations, "nlu", nlu);
    inject(conversations, "router", router);
    inject(conversations, "outbound", (org.parley.application.OutboundQueue) queued::add);
    inject(conversations, "consent", consent);
    inject(conversations, "handoffs", handoffs);
    inject(conversations, "metrics", new NoPipelineMetrics());
    inject(conversations, "idleTimeout", Duration.ofMinutes(30));
    inject(conversations, "clock", clock);

    delivery = new DefaultReplyDelivery();
    inject(delivery, "turns", turns);
    inject(delivery, "deliveries", deliveries);
    inject(delivery, "metrics", new NoPipelineMetrics());
    inject(delivery, "pacing", new SendPacing());
    inject(delivery, "maxRateLimitWait", Duration.ofSeconds(5));
    inject(delivery, "clock", clock);
    Map<String, ChannelClient> clients = new HashMap<>();
    clients.put(
        "messenger",
        new ChannelClient() {
          @Override
          public String channel() {
            return "messenger";
          }

          @Override
          public String send(OutboundReply reply) {
            return "m_" + sent.incrementAndGet();
          }
        });
    inject(delivery, "byChannel", clients);
    commands.clear();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aTurnCostsAtMostThreeRoundTripsAndADeliveredReplyOne() {
    List<String> first = turn(1);
    assertTrue(first.size() <= 3, "the customer's first message: " + first);

    for (int m = 2; m <= 6; m++) {
      filters.clear();
      List<String> costs = turn(m);
      assertTrue(costs.size() <= 3, "message " + m + " in the open dialog: " + costs);
      // the embedded store looks a document up by its index only for a filter on exactly the
      // index's fields; any other filter scans the whole collection, on every turn
      for (BsonDocument filter : filters) {
        assertEquals(Set.of("_id"), filter.keySet(), "a filter by the key alone: " + filter);
      }
    }

    // what the six turns stored: one dialog, each message and its reply, numbered 1..12 in order
    List<Document> dialogs =
        fixture.collection(DialogDocuments.DIALOGS).find().into(new ArrayList<>());
    assertEquals(1, dialogs.size());
    Document dialog = dialogs.get(0);
    assertEquals(12L, dialog.get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue());
    assertEquals(12L, dialog.get(DialogDocuments.LAST_SEQ, Number.class).longValue());
    List<Document> stored = messagesOf(dialog.getString("_id"));
    List<String> expected = new ArrayList<>();
    for (int m = 1; m <= 6; m++) {
      expected.add(id(m));
      expected.add(id(m) + "/1");
    }
    assertEquals(expected, stored.stream().map(d -> d.getString("_id")).toList());
    for (int i = 0; i < stored.size(); i++) {
      assertEquals(i + 1L, stored.get(i).get(DialogDocuments.SEQ, Number.class).longValue());
    }
    assertTrue(
        stored.stream()
            .filter(d -> d.getString(DialogDocuments.IN_REPLY_TO) == null)
            .allMatch(d -> DialogDocuments.ANSWERED.equals(d.getString(DialogDocuments.STATE))));
    assertEquals(6, pluginRuns.get());
    assertEquals(6, queued.size());

    // a delivered reply: one round trip, and it is recorded delivered
    OutboundReply reply = queued.get(0);
    commands.clear();
    delivery.deliver(reply, 1);
    assertEquals(1, commands.size(), "a delivered reply: " + commands);
    assertEquals(
        DialogDocuments.DELIVERED,
        message(reply.replyId()).getString(DialogDocuments.DELIVERY_STATE));
    assertEquals(1, sent.get());
  }

  @Test
  void aRedeliveryIsRecognisedByTheClaimAndTheOldestOnesByTheStoreStoredOnceAnsweredOnce() {
    for (int m = 1; m <= 3; m++) {
      turn(m);
    }
    queued.forEach(reply -> delivery.deliver(reply, 1));
    queued.clear();

    // the queue redelivers message 3 (its commit was lost): claimed, so the plugin does not run
    conversations.handle(message(3), clock.instant());
    assertEquals(3, pluginRuns.get(), "a redelivered message does not run the plugin again");
    assertEquals(List.of(), queued, "its reply was delivered: nothing is sent again");

    // 40 messages later (more than the claims the pointer keeps) the platform sends message 1
    // again: the plugin runs, but nothing is stored twice or sent
    for (int m = 4; m <= 43; m++) {
      turn(m);
    }
    queued.forEach(reply -> delivery.deliver(reply, 1));
    queued.clear();
    Document before = dialog();
    conversations.handle(message(1), clock.instant());
    assertEquals(List.of(), queued, "answered long ago and delivered: not sent again");
    Document after = dialog();
    assertEquals(
        before.get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue(),
        after.get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue(),
        "the numbers reserved for the duplicate are given back in the count");
    assertEquals(86L, after.get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue());
    assertEquals(
        86,
        fixture.collection(DialogDocuments.MESSAGES).countDocuments(),
        "43 messages, 43 replies");
    assertEquals(43, sent.get());

    // and the next message is stored after it, in the same dialog
    turn(44);
    assertEquals(88L, dialog().get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue());
  }

  @Test
  void aMessageAfterTheIdleTimeoutOpensANewDialogAndAFailedAttemptIsAnsweredOnItsRedelivery() {
    turn(1);
    String firstDialog = dialog().getString("_id");
    clock.advance(Duration.ofHours(1));
    List<String> costs = turn(2);
    assertTrue(costs.size() <= 4, "a message that opens a dialog after the idle timeout: " + costs);
    List<Document> dialogs =
        fixture.collection(DialogDocuments.DIALOGS).find().into(new ArrayList<>());
    assertEquals(2, dialogs.size());
    String second = message(id(2)).getString(DialogDocuments.DIALOG_ID);
    assertNotEquals(firstDialog, second);
    assertEquals(1L, message(id(2)).get(DialogDocuments.SEQ, Number.class).longValue());

    // an attempt at message 3 fails after its claim: it is kept in the dialog as it was
    // understood, failed, numbered, and not counted
    assertEquals(1, conversations.failed(message(3), "the plugin's backend is down"));
    assertEquals(2, conversations.failed(message(3), "the plugin's backend is down"));
    Document failed = message(id(3));
    assertEquals(DialogDocuments.FAILED, failed.getString(DialogDocuments.STATE));
    assertEquals(2, failed.get(DialogDocuments.ATTEMPTS, Number.class).intValue());
    assertEquals(second, failed.getString(DialogDocuments.DIALOG_ID));
    assertEquals("greeting", failed.getString(DialogDocuments.INTENT));
    assertEquals(3L, failed.get(DialogDocuments.SEQ, Number.class).longValue());
    assertEquals(2L, dialog().get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue());
    // the redelivery answers it, in the open dialog, once, numbered after the number it held
    turn(3);
    Document answered = message(id(3));
    assertEquals(DialogDocuments.ANSWERED, answered.getString(DialogDocuments.STATE));
    assertEquals(second, answered.getString(DialogDocuments.DIALOG_ID));
    assertEquals(4L, answered.get(DialogDocuments.SEQ, Number.class).longValue());
    assertEquals(5L, message(id(3) + "/1").get(DialogDocuments.SEQ, Number.class).longValue());
    assertEquals(4L, dialog().get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue());
    assertFalse(answered.containsKey(DialogDocuments.FAILURE));
    assertFalse(answered.containsKey(DialogDocuments.ATTEMPTS));
    assertEquals(3, pluginRuns.get(), "messages 1 and 2, and 3 once on its redelivery");
    assertEquals(0, conversations.failed(message(3), "late"), "answered: no failure counted");
  }

  @Test
  void aDialogEndedWhileItsMessageWasHandledIsLeftAsItWasAndTheMessageOpensTheNext() {
    turn(1);
    Document ended = dialog();
    // an admin ends it between the message's arrival and its answer (here: before the arrival,
    // with the pointer left on it, which is what the arrival would have seen)
    fixture
        .collection(DialogDocuments.DIALOGS)
        .updateOne(
            eq("_id", ended.getString("_id")),
            new Document("$set", new Document(DialogDocuments.STATUS, "ENDED")));
    turn(2);
    Document after =
        fixture.collection(DialogDocuments.DIALOGS).find(eq("_id", ended.getString("_id"))).first();
    assertEquals("ENDED", after.getString(DialogDocuments.STATUS));
    assertEquals(2L, after.get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue());
    assertEquals(
        ended.getDate(DialogDocuments.UPDATED_AT), after.getDate(DialogDocuments.UPDATED_AT));
    String next = message(id(2)).getString(DialogDocuments.DIALOG_ID);
    assertNotEquals(ended.getString("_id"), next);
    assertEquals(next, dialog().getString("_id"));
    assertEquals("OPEN", dialog().getString(DialogDocuments.STATUS));
    assertEquals(2L, dialog().get(DialogDocuments.MESSAGE_COUNT, Number.class).longValue());
    assertEquals(1L, message(id(2)).get(DialogDocuments.SEQ, Number.class).longValue());
  }

  /** The filters of a findAndModify, update or find command. */
  private static List<BsonDocument> filtersOf(BsonDocument command) {
    List<BsonDocument> found = new ArrayList<>();
    if (command.containsKey("query")) {
      found.add(command.getDocument("query"));
    }
    if (command.containsKey("filter")) {
      found.add(command.getDocument("filter"));
    }
    if (command.containsKey("updates")) {
      command.getArray("updates").forEach(u -> found.add(u.asDocument().getDocument("q")));
    }
    return found;
  }

  /** Handles message {@code m} of Anna; returns the commands it sent. */
  private List<String> turn(int m) {
    commands.clear();
    conversations.handle(message(m), clock.instant());
    List<String> costs = List.copyOf(commands);
    clock.advance(Duration.ofSeconds(1));
    return costs;
  }

  private static InboundMessage message(int m) {
    return new InboundMessage(
        "messenger",
        "anna",
        String.valueOf(m),
        InboundMessage.Type.TEXT,
        "hello " + m,
        null,
        null,
        "anna",
        null,
        "en",
        T0,
        0,
        0);
  }

  private static String id(int m) {
    return "messenger:" + m;
  }

  private Document dialog() {
    String current =
        fixture
            .collection(DialogDocuments.CONVERSATIONS)
            .find(eq("_id", "messenger-anna"))
            .first()
            .getString(DialogDocuments.DIALOG_ID);
    return fixture.collection(DialogDocuments.DIALOGS).find(eq("_id", current)).first();
  }

  private Document message(String id) {
    return fixture.collection(DialogDocuments.MESSAGES).find(eq("_id", id)).first();
  }

  private List<Document> messagesOf(String dialogId) {
    return fixture
        .collection(DialogDocuments.MESSAGES)
        .find(eq(DialogDocuments.DIALOG_ID, dialogId))
        .sort(Sorts.ascending(DialogDocuments.SEQ))
        .into(new ArrayList<>());
  }

  /** A store adapter on this test's store ({@code store} and {@code cipher}, as CDI sets them). */
  private <T> T adapter(T adapter, DialogCipher cipher) throws Exception {
    inject(adapter, "store", fixture.documents);
    inject(adapter, "cipher", cipher);
    return adapter;
  }

  private static void inject(Object target, String name, Object value) throws Exception {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
        return;
      } catch (NoSuchFieldException e) {
        // declared further up
      }
    }
    throw new NoSuchFieldException(name + " in " + target.getClass());
  }

  /** A plugin that greets, counting how often it ran. */
  private record Greeter(AtomicInteger runs) implements Plugin {
    @Override
    public PluginDescriptor descriptor() {
      return new PluginDescriptor(
          "greeter",
          "1",
          "test",
          null,
          List.of(new Route("greet", "greeting", "greets", List.of())),
          List.of(),
          List.of(),
          List.of());
    }

    @Override
    public void connect(PluginContext context) {}

    @Override
    public void close() {}

    @Override
    public PluginHealth health() {
      return null;
    }

    @Override
    public List<Reply> trigger(Action action) {
      return List.of(new Reply.Text("hi #" + runs.incrementAndGet()));
    }
  }
}
