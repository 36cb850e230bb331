package org.parley.it;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.parley.application.InboundMessage;
import org.parley.application.WebChatReplies;
import org.parley.infrastructure.persistence.mongodb.MongoDocumentStore;

/**
 * Inside the WAR: the conversation service's own guard against a message handled twice (the
 * broker's duplicate detection bypassed), and the idle timeout's consent question. Web chat
 * messages, whose delivered replies are kept in the store, so the test sees every reply.
 */
@ExtendWith(ArquillianExtension.class)
class ConversationIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war()
        .addClasses(
            ConversationIT.class, TestEnvironment.class, Await.class, WebChatMessages.class);
  }

  @Inject ConversationService conversations;
  @Inject WebChatReplies replies;
  @Inject MongoDocumentStore store;

  @Test
  void aMessageHandledTwiceIsStoredOnceAndAnsweredOnce() throws Exception {
    String user = UUID.randomUUID().toString();
    InboundMessage hello = WebChatMessages.text(user, "m1", "hello");
    conversations.handle(hello, Instant.now());
    conversations.handle(hello, Instant.now()); // as if the broker had let it through again
    conversations.handle(WebChatMessages.text(user, "m2", "thanks"), Instant.now());

    awaitReplies(user, 2);
    // a second reply to m1 would have been queued, in the user's order, before m2's reply
    List<WebChatReplies.Delivered> delivered = replies.after(user, 0, 100);
    assertEquals(
        List.of("m1", "m2"),
        delivered.stream().map(d -> d.reply().replyToRef()).toList(),
        "one reply per message, in order");
    List<Document> turns =
        db().getCollection("messages")
            .find(and(eq("customerId", "webchat-" + user), eq("direction", "INBOUND")))
            .sort(Sorts.ascending("seq"))
            .into(new ArrayList<>());
    assertEquals(
        List.of("webchat:" + user + "-m1", "webchat:" + user + "-m2"),
        turns.stream().map(d -> d.getString("_id")).toList());
    Document dialog =
        db().getCollection("dialogs").find(eq("customerId", "webchat-" + user)).first();
    assertEquals(4L, dialog.get("messageCount", Number.class).longValue(), "2 messages, 2 replies");
  }

  @Test
  void anIdleDialogEndsWithTheConsentQuestionAndYesKeepsIt() throws Exception {
    String user = UUID.randomUUID().toString();
    conversations.handle(WebChatMessages.text(user, "m1", "hello"), Instant.now());
    awaitReplies(user, 1);
    Document dialog =
        db().getCollection("dialogs").find(eq("customerId", "webchat-" + user)).first();
    assertEquals("OPEN", dialog.getString("status"));

    Instant later = Instant.now().plus(Duration.ofMinutes(31));
    assertTrue(conversations.endIdleDialogs(later) >= 1);
    assertEquals(0, conversations.endIdleDialogs(later), "asked once");
    WebChatReplies.Delivered question = awaitReplies(user, 2).get(1);
    assertEquals("QUICK_REPLIES", question.reply().kind().name());
    assertEquals(List.of("Yes", "No"), question.reply().options());
    dialog = db().getCollection("dialogs").find(eq("_id", dialog.getString("_id"))).first();
    assertEquals("AWAITING_CONSENT", dialog.getString("status"));
    assertFalse(dialog.getBoolean("consent"));

    conversations.handle(WebChatMessages.text(user, "m2", "yes"), Instant.now());
    awaitReplies(user, 3);
    dialog = db().getCollection("dialogs").find(eq("_id", dialog.getString("_id"))).first();
    assertTrue(dialog.getBoolean("consent"));
    assertEquals("ENDED", dialog.getString("status"));

    conversations.handle(WebChatMessages.text(user, "m3", "hello again"), Instant.now());
    awaitReplies(user, 4);
    assertEquals(
        2,
        db().getCollection("dialogs").countDocuments(eq("customerId", "webchat-" + user)),
        "the next message opens a new dialog");
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
