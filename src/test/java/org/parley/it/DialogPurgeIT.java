package org.parley.it;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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

/**
 * Runs inside the WAR: the purge the hourly schedule runs removes exactly the unconsented dialogs
 * past the retention period (30 days by default), with their messages, and nothing else. The store
 * is shared, so "exactly" is checked against what it holds, not against this test's dialogs alone.
 */
@ExtendWith(ArquillianExtension.class)
class DialogPurgeIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Inject DialogService dialogService;
  @Inject MongoDocumentStore store;

  @Test
  void thePurgeRemovesExactlyTheExpiredUnconsentedDialogs() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now();
    String expired = dialog(run + "-expired", false, now.minus(Duration.ofDays(31)));
    String expiredToo = dialog(run + "-expired-2", false, now.minus(Duration.ofDays(400)));
    String keptConsented = dialog(run + "-old-consented", true, now.minus(Duration.ofDays(90)));
    String keptYoung = dialog(run + "-young", false, now.minus(Duration.ofDays(29)));

    // the purge is global: other ITs' old unconsented dialogs are due too, so the expected set is
    // what the store holds past the retention, this test's two among them
    Date cutoff = Date.from(now.minus(Duration.ofDays(30)));
    List<String> due =
        dialogs()
            .find(and(eq("consent", false), lt("createdAt", cutoff)))
            .map(d -> d.getString("_id"))
            .into(new java.util.ArrayList<>());
    assertTrue(due.containsAll(List.of(expired, expiredToo)), due.toString());

    long purged = dialogService.purgeExpiredUnconsented();

    assertEquals(due.size(), purged);
    assertEquals(0, dialogs().countDocuments(in("_id", due)), "every due dialog is gone");
    List<String> all = List.of(expired, expiredToo, keptConsented, keptYoung);
    assertEquals(
        List.of(keptConsented, keptYoung),
        dialogs()
            .find(in("_id", all))
            .map(d -> d.getString("_id"))
            .into(new java.util.ArrayList<>())
            .stream()
            .sorted()
            .toList());
    assertEquals(0, messages().countDocuments(eq("dialogId", expired)));
    assertEquals(0, messages().countDocuments(eq("dialogId", expiredToo)));
    assertEquals(2, messages().countDocuments(eq("dialogId", keptConsented)));
    assertEquals(2, messages().countDocuments(eq("dialogId", keptYoung)));
    assertEquals(
        List.of(keptConsented + "/2", keptYoung + "/2"),
        store
            .database()
            .getCollection("webchat_replies")
            .find(in("_id", all.stream().map(id -> id + "/2").toList()))
            .map(d -> d.getString("_id"))
            .into(new java.util.ArrayList<>())
            .stream()
            .sorted()
            .toList(),
        "the purged dialogs' web chat copies went with them, the kept ones stayed");
    assertEquals(0, dialogService.purgeExpiredUnconsented(), "nothing left to purge");
  }

  /**
   * Every node runs the purge on the same schedule, so two purges meet: each dialog must be purged
   * by one of them, once, with all its copies (the delete is conditional, one dialog at a time).
   */
  @Test
  void twoPurgesAtOnceAsTwoNodesRunThemPurgeEachDialogOnce() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant old = Instant.now().minus(Duration.ofDays(60));
    List<String> mine = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      mine.add(dialog(run + "-both-" + i, false, old));
    }
    Date cutoff = Date.from(Instant.now().minus(Duration.ofDays(30)));
    long due = dialogs().countDocuments(and(eq("consent", false), lt("createdAt", cutoff)));

    java.util.concurrent.ExecutorService nodes =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.Callable<Long> purge =
          () -> {
            start.await();
            return dialogService.purgeExpiredUnconsented();
          };
      var first = nodes.submit(purge);
      var second = nodes.submit(purge);
      start.countDown();
      long a = first.get(2, java.util.concurrent.TimeUnit.MINUTES);
      long b = second.get(2, java.util.concurrent.TimeUnit.MINUTES);
      assertEquals(due, a + b, "each due dialog purged by one of the two (" + a + " + " + b + ")");
    } finally {
      nodes.shutdownNow();
    }
    assertEquals(0, dialogs().countDocuments(in("_id", mine)));
    assertEquals(0, messages().countDocuments(in("dialogId", mine)));
    assertEquals(
        0,
        store
            .database()
            .getCollection("webchat_replies")
            .countDocuments(in("_id", mine.stream().map(id -> id + "/2").toList())));
  }

  private String dialog(String id, boolean consent, Instant created) {
    Date at = Date.from(created);
    dialogs()
        .insertOne(
            new Document("_id", id)
                .append("customerId", "purge-customer")
                .append("channel", "data-api")
                .append("language", "EN")
                .append("consent", consent)
                .append("status", "OPEN")
                .append("createdAt", at)
                .append("updatedAt", at)
                .append("messageCount", 2L)
                .append("lastSeq", 2L));
    for (long seq = 1; seq <= 2; seq++) {
      messages()
          .insertOne(
              new Document("_id", id + "/" + seq)
                  .append("dialogId", id)
                  .append("customerId", "purge-customer")
                  .append("seq", seq)
                  .append("direction", seq == 1 ? "INBOUND" : "OUTBOUND")
                  .append("text", "message " + seq)
                  .append("createdAt", at));
    }
    // the web chat's copy of the reply, under the reply's id
    store
        .database()
        .getCollection("webchat_replies")
        .insertOne(
            new Document("_id", id + "/2")
                .append("userId", "purge-user")
                .append("customerId", "purge-customer")
                .append("seq", 1L)
                .append("at", at));
    return id;
  }

  private MongoCollection<Document> dialogs() {
    return store.database().getCollection("dialogs");
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection("messages");
  }
}
