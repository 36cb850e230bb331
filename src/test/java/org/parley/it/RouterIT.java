package org.parley.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.DialogService;
import org.parley.infrastructure.persistence.mongodb.MongoDocumentStore;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.NluEngine;
import org.parley.plugin.api.Reply;
import org.parley.plugin.internal.PluginRouter;

/**
 * Inside the WAR, with the real NLU and plugins (Jenkins answered by the fake Jenkins): intents
 * pick routes, entities fill attributes, and a missing attribute is asked for and filled by the
 * next message.
 */
@ExtendWith(ArquillianExtension.class)
class RouterIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Inject NluEngine nlu;
  @Inject PluginRouter router;
  @Inject MongoDocumentStore store;
  @Inject DialogService dialogs;

  private final String customer = "router-" + UUID.randomUUID().toString().substring(0, 8);
  private final String dialog = customer + "-d";

  @Test
  void entitiesFillTheActionsAttributesDirectly() {
    assertEquals(
        List.of(new Reply.Text("Started a build of parley-nightly on main.")),
        say("build parley-nightly on the master branch"));
    assertEquals(0, pendingCount(), "nothing left waiting");
  }

  @Test
  void aMissingRequiredAttributeIsAskedForAndTheNextMessageFillsIt() {
    assertEquals(List.of(new Reply.Text("Which job shall I build?")), say("please start a build"));
    Document waiting =
        store.database().getCollection("pending_actions").find(eq("_id", dialog)).first();
    assertEquals("jenkins", waiting.getString("plugin"));
    assertEquals("build", waiting.getString("action"));
    assertEquals("job", waiting.getString("awaiting"));
    assertEquals(customer, waiting.getString("customerId"));

    assertEquals(List.of(new Reply.Text("Started a build of parley-web.")), say("parley-web"));
    assertEquals(0, pendingCount());
  }

  @Test
  void aClearlyDifferentRequestDropsWhatWasWaiting() {
    say("please start a build");
    assertEquals(1, pendingCount());

    List<Reply> replies = say("tell me a famous quote");

    assertEquals(1, replies.size());
    assertEquals(Reply.Text.class, replies.get(0).getClass());
    assertEquals(0, pendingCount(), "the build question is dropped");
  }

  @Test
  void erasingTheDialogErasesWhatWasWaitingToo() {
    dialogs.record(customer, dialog, "please start a build", "en", null);
    say("please start a build");
    assertEquals(1, pendingCount());

    dialogs.erase(customer, dialog);

    assertEquals(0, pendingCount());
  }

  @Test
  void whatNoPluginHandlesGetsTheSmallTalkFallback() {
    List<Reply> replies = say("what is the boiling point of mercury");

    assertEquals(1, replies.size(), replies.toString());
    assertEquals(Reply.QuickReplies.class, replies.get(0).getClass(), replies.toString());
  }

  private List<Reply> say(String text) {
    return router.answer(customer, dialog, text, nlu.parse(text, NluContext.none()));
  }

  private long pendingCount() {
    return store.database().getCollection("pending_actions").countDocuments(eq("_id", dialog));
  }
}
