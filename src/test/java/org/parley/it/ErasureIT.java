package org.parley.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.ConversationService;
import org.parley.application.DialogService;
import org.parley.application.InboundMessage;
import org.parley.application.OutboundReply;
import org.parley.application.WebChatReplies;
import org.parley.application.internal.RetentionPurge;
import org.parley.infrastructure.messaging.jms.Destinations;
import org.parley.infrastructure.persistence.mongodb.MongoDocumentStore;
import org.parley.plugin.api.Reply;

/**
 * Runs inside the WAR: each kind of erasure (the consent "no", erasing a dialog, erasing a
 * customer, the purge) leaves nothing of what it erased, in any collection of the database or on
 * either dead-letter queue, searched by the ids and by the texts. Each case has its own customer
 * and a text no other test writes, so the shared store's other data does not get in the way; each
 * puts a dead letter of its own data on a DLQ first, as DeadLettering leaves one.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war()
        .addClasses(
            ErasureIT.class,
            TestEnvironment.class,
            Await.class,
            WebChatMessages.class,
            StoreSearch.class);
  }

  @Inject ConversationService conversations;
  @Inject DialogService dialogs;
  @Inject WebChatReplies replies;
  @Inject MongoDocumentStore store;
  @Inject RetentionPurge retention;

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.INBOUND_DLQ)
  Queue inboundDlq;

  @Resource(lookup = Destinations.OUTBOUND_DLQ)
  Queue outboundDlq;

  @Test
  void aNoLeavesNothingOfTheDialog() throws Exception {
    String user = UUID.randomUUID().toString();
    String secret = "parcel " + UUID.randomUUID();
    InboundMessage hello = WebChatMessages.text(user, "m1", "hello, my " + secret);
    conversations.handle(hello, Instant.now());
    conversations.handle(WebChatMessages.text(user, "m2", "goodbye"), Instant.now());
    List<WebChatReplies.Delivered> asked = awaitReplies(user, 3);
    assertEquals(List.of("Yes", "No"), asked.get(2).reply().options(), "the consent question");
    String dialogId = dialogOf("webchat-" + user);
    bury(inboundDlq, JSON.toJson(WebChatMessages.text(user, "m9", "lost: " + secret)));
    bury(outboundDlq, body(asked, 0));
    String firstReplyId = asked.get(0).reply().replyId();
    assertTrue(found(secret).size() > 0 && found(firstReplyId).size() > 0, "there was a copy");

    Instant no = Instant.now();
    conversations.handle(WebChatMessages.text(user, "m3", "no"), Instant.now());
    Duration left = Duration.between(no, Instant.now());

    // something later: the answer to the "no", delivered after the erasure
    assertEquals(
        "Understood. I have deleted our conversation.", awaitReplyTo(user, "m3").reply().text());
    awaitLetterAfter();
    System.out.printf(
        "Consent \"no\": nothing of the dialog left %d ms after it%n", left.toMillis());
    assertEquals(List.of(), found(dialogId), "nothing names the dialog");
    assertEquals(List.of(), found(firstReplyId), "nothing names its replies");
    assertEquals(List.of(), found("webchat:" + user + "-m1"), "nothing names its messages");
    assertEquals(List.of(), found(secret), "no text, not even the letter that never reached it");
  }

  @Test
  void erasingADialogOrACustomerLeavesNothingOfIt() throws Exception {
    String user = UUID.randomUUID().toString();
    String customer = "webchat-" + user;
    String secret = "account " + UUID.randomUUID();
    conversations.handle(WebChatMessages.text(user, "m1", "hello, my " + secret), Instant.now());
    WebChatReplies.Delivered reply = awaitReplyTo(user, "m1");
    String dialogId = dialogOf(customer);
    bury(outboundDlq, JSON.toJson(reply.reply()));
    assertTrue(found(dialogId).size() > 0 && found(reply.reply().replyId()).size() > 1, "copies");

    assertTrue(dialogs.erase(customer, dialogId));
    awaitLetterAfter();
    assertEquals(List.of(), found(dialogId), "nothing names the erased dialog");
    assertEquals(List.of(), found(reply.reply().replyId()), "nor its reply, not even a letter");
    assertEquals(List.of(), found(secret), "nothing holds its text");

    // now the whole customer: a new web chat dialog, a DataAPI dialog under the same id, a letter
    String again = "address " + UUID.randomUUID();
    conversations.handle(WebChatMessages.text(user, "m2", "hello, " + again), Instant.now());
    awaitReplyTo(user, "m2");
    dialogs.record(customer, user + "-noted", "a note about " + again, "en", null);
    bury(inboundDlq, JSON.toJson(WebChatMessages.text(user, "m7", "failed: " + again)));
    // by id: at rest the texts are sealed (EncryptionIT), only the dead letter holds one in plain
    assertTrue(found(user).size() >= 5, "there were copies: " + found(user));
    assertEquals(1, found(again).size(), "the letter: " + found(again));

    assertTrue(dialogs.eraseCustomer(customer));
    awaitLetterAfter();
    assertEquals(List.of(), found(user), "nothing names the customer or the web chat user");
    assertEquals(List.of(), found(again), "nothing holds the customer's texts");
  }

  @Test
  void thePurgeLeavesNothingOfAnExpiredDialog() throws Exception {
    String customer = "purge-erasure-" + UUID.randomUUID();
    String dialogId = customer + "-d";
    String secret = "address " + UUID.randomUUID();
    Date created = Date.from(Instant.now().minus(Duration.ofDays(40)));
    db().getCollection("dialogs")
        .insertOne(
            new Document("_id", dialogId)
                .append("customerId", customer)
                .append("channel", "data-api")
                .append("language", "EN")
                .append("consent", false)
                .append("status", "OPEN")
                .append("createdAt", created)
                .append("updatedAt", created)
                .append("messageCount", 1L)
                .append("lastSeq", 1L));
    db().getCollection("messages")
        .insertOne(
            new Document("_id", dialogId + "/1")
                .append("dialogId", dialogId)
                .append("customerId", customer)
                .append("seq", 1L)
                .append("direction", "OUTBOUND")
                .append("text", "about " + secret)
                .append("createdAt", created));
    bury(outboundDlq, reply(customer, dialogId + "/1", "about " + secret));

    dialogs.purgeExpiredUnconsented();
    awaitLetterAfter();
    assertEquals(List.of(), found(dialogId), "nothing names the purged dialog");
    assertEquals(List.of(), found(secret), "nothing holds its text");
  }

  @Test
  void webChatRepliesAndAuditEntriesGoAfterTheirRetention() throws Exception {
    String user = "retention-" + UUID.randomUUID();
    Date old = Date.from(Instant.now().minus(Duration.ofDays(400)));
    Date young = Date.from(Instant.now().minus(Duration.ofDays(1)));
    for (String age : List.of("old", "young")) {
      db().getCollection("webchat_replies")
          .insertOne(
              new Document("_id", user + "-" + age + "/1")
                  .append("userId", user + "-" + age)
                  .append("customerId", "webchat-" + user + "-" + age)
                  .append("seq", 1L)
                  .append("reply", "{}")
                  .append("at", age.equals("old") ? old : young));
      db().getCollection("webchat_users")
          .insertOne(
              new Document("_id", user + "-" + age)
                  .append("seq", 1L)
                  .append("at", age.equals("old") ? old : young));
      db().getCollection("audit_log")
          .insertOne(
              new Document("_id", new org.bson.types.ObjectId())
                  .append("at", age.equals("old") ? old : young)
                  .append("who", user + "-" + age)
                  .append("action", "SIGNED_IN")
                  .append("target", null)
                  .append("detail", null));
    }

    retention.purge();

    assertEquals(List.of(), found(user + "-old"), "the old reply, counter and entry went");
    assertEquals(
        3, found(user + "-young").size(), "the young ones stay: " + found(user + "-young"));
  }

  /** Where {@code needle} occurs: "collection/_id" for documents, "dlq:queue/id" for letters. */
  private List<String> found(String needle) throws JMSException {
    List<String> where = new ArrayList<>(StoreSearch.documentsHolding(db(), needle));
    for (Queue queue : List.of(inboundDlq, outboundDlq)) {
      for (Message letter : letters(queue)) {
        if (((TextMessage) letter).getText().contains(needle)) {
          where.add("dlq:" + queue.getQueueName() + "/" + letter.getJMSMessageID());
        }
      }
    }
    return where;
  }

  private List<Message> letters(Queue queue) throws JMSException {
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser = context.createBrowser(queue)) {
      return Collections.list((Enumeration<Message>) browser.getEnumeration());
    }
  }

  /** Puts a letter on a DLQ as DeadLettering would, and waits until a browser sees it. */
  private void bury(Queue dlq, String body) throws JMSException {
    String marker = UUID.randomUUID().toString();
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage letter = context.createTextMessage(body);
      letter.setStringProperty("erasure_it", marker);
      context.createProducer().send(dlq, letter);
    }
    Await.await(
        "the letter on " + dlq.getQueueName(),
        Duration.ofSeconds(10),
        () -> {
          try {
            for (Message m : letters(dlq)) {
              if (marker.equals(m.getStringProperty("erasure_it"))) {
                return true;
              }
            }
            return false;
          } catch (JMSException e) {
            return false;
          }
        });
  }

  /** Absence on the DLQs is checked once a later letter (another user's) can be seen there. */
  private void awaitLetterAfter() throws JMSException {
    bury(outboundDlq, reply("later-" + UUID.randomUUID(), "later/1", "a later letter"));
  }

  private static String reply(String customer, String replyId, String text) {
    return JSON.toJson(
        OutboundReply.of(
            replyId, "data-api", customer, customer, null, "EN", new Reply.Text(text), null));
  }

  private static String body(List<WebChatReplies.Delivered> delivered, int index) {
    return JSON.toJson(delivered.get(index).reply());
  }

  private String dialogOf(String customerId) {
    return db().getCollection("dialogs")
        .find(eq("customerId", customerId))
        .first()
        .getString("_id");
  }

  /** The web chat reply to the user's message {@code clientId}, once delivered. */
  private WebChatReplies.Delivered awaitReplyTo(String user, String clientId) {
    return Await.value(
        "the reply to " + clientId,
        Duration.ofSeconds(60),
        () ->
            replies.after(user, 0, 100).stream()
                .filter(d -> clientId.equals(d.reply().replyToRef()))
                .findFirst());
  }

  private List<WebChatReplies.Delivered> awaitReplies(String user, int count) {
    return Await.value(
        count + " replies to " + user,
        Duration.ofSeconds(60),
        () -> Optional.of(replies.after(user, 0, 100)).filter(found -> found.size() >= count));
  }

  private MongoDatabase db() {
    return store.database();
  }
}
