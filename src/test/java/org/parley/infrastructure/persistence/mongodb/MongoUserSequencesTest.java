package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.application.UserSequences;
import org.parley.application.UserSequences.Progress;

/** The users' sequences on the embedded store, through the real driver. */
class MongoUserSequencesTest {

  @TempDir Path dir;

  private EmbeddedMongoStore server;
  private MongoClient client;
  private UserSequences sequences;

  @BeforeEach
  void start() {
    server = EmbeddedMongoStore.start(dir.resolve("store.mv"), "127.0.0.1", 0, 16);
    client = MongoClients.create(server.connectionString());
    MongoCollection<Document> collection =
        client.getDatabase("parley").getCollection(DialogDocuments.CONVERSATIONS);
    sequences =
        new MongoUserSequences() {
          @Override
          MongoCollection<Document> conversations() {
            return collection;
          }
        };
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void aUsersMessagesAreNumberedOneByOneAndOtherUsersApart() {
    assertEquals(1, sequences.issue("telegram-1", "telegram:a"));
    assertEquals(2, sequences.issue("telegram-1", "telegram:b"));
    assertEquals(1, sequences.issue("telegram-2", "telegram:a"));
    assertEquals(3, sequences.issue("telegram-1", "telegram:c"));
  }

  @Test
  void aRedeliveryKeepsItsNumberSoThatNoGapIsLeft() {
    sequences.issue("telegram-1", "telegram:a");
    sequences.issue("telegram-1", "telegram:b");
    sequences.issue("telegram-1", "telegram:c");

    assertEquals(2, sequences.issue("telegram-1", "telegram:b"));
    assertEquals(3, sequences.issue("telegram-1", "telegram:c"));
    assertEquals(4, sequences.issue("telegram-1", "telegram:d"), "the next one is not pushed on");
  }

  @Test
  void onlyTheRecentIdsAreKeptAndAnOlderRedeliveryIsNumberedAnew() {
    for (int i = 1; i <= MongoUserSequences.RECENT + 5; i++) {
      sequences.issue("telegram-1", "telegram:" + i);
    }
    Document stored = collection().find(eq("_id", "telegram-1")).first();
    List<String> recent = stored.getList(MongoUserSequences.RECENT_IDS, String.class);
    assertEquals(MongoUserSequences.RECENT, recent.size());
    assertEquals("telegram:" + (MongoUserSequences.RECENT + 5), recent.get(recent.size() - 1));

    assertEquals(
        MongoUserSequences.RECENT + 5 - 1,
        sequences.issue("telegram-1", "telegram:" + (MongoUserSequences.RECENT + 4)));
    assertEquals(MongoUserSequences.RECENT + 6, sequences.issue("telegram-1", "telegram:1"));
  }

  @Test
  void theMarksOnlyMoveForward() {
    assertEquals(Progress.NONE, sequences.progress("telegram-1"));
    sequences.issue("telegram-1", "telegram:a");
    sequences.issue("telegram-1", "telegram:b");

    sequences.handled("telegram-1", 2, UserSequences.position(2, 3));
    sequences.handled("telegram-1", 1, UserSequences.position(1, 1)); // a late duplicate
    sequences.handled("telegram-1", 2, 0); // handled again, without replies
    sequences.delivered("telegram-1", UserSequences.position(2, 1));
    sequences.delivered("telegram-1", UserSequences.position(1, 1));

    assertEquals(
        new Progress(2, UserSequences.position(2, 3), UserSequences.position(2, 1)),
        sequences.progress("telegram-1"));
  }

  @Test
  void theMarksOfAnErasedUserAreNotWrittenBack() {
    sequences.issue("telegram-1", "telegram:a");
    collection().deleteOne(eq("_id", "telegram-1"));

    sequences.handled("telegram-1", 1, UserSequences.position(1, 1));
    sequences.delivered("telegram-1", UserSequences.position(1, 1));

    assertNull(collection().find(eq("_id", "telegram-1")).first());
  }

  @Test
  void positionsGrowInTheUsersOrder() {
    assertEquals(0, UserSequences.position(0, 1), "not sequenced");
    long first = UserSequences.position(7, 1);
    long second = UserSequences.position(7, 2);
    long next = UserSequences.position(8, 1);
    assertEquals(true, first < second && second < next);
    assertEquals(
        UserSequences.position(7, UserSequences.MAX_REPLIES_PER_TURN),
        UserSequences.position(7, 5000));
    assertEquals(true, UserSequences.position(7, 5000) < next);
  }

  private MongoCollection<Document> collection() {
    return client.getDatabase("parley").getCollection(DialogDocuments.CONVERSATIONS);
  }
}
