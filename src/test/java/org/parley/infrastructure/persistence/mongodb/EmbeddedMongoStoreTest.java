package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoStoreTest {

  @TempDir Path dir;

  @Test
  void whatWasStoredSurvivesARestart() throws IOException {
    Path file = dir.resolve("data/store.mv");
    Date when = new Date(1_767_323_045_678L);

    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(file, "127.0.0.1", 0, 16);
        MongoClient client = MongoClients.create(store.connectionString())) {
      dialogs(client).insertOne(new Document("_id", "d1").append("createdAt", when));
      dialogs(client).insertOne(new Document("_id", "d2").append("createdAt", when));
      dialogs(client).deleteOne(eq("_id", "d2"));
    }
    assertTrue(Files.size(file) > 0, "the data is in the file");

    try (EmbeddedMongoStore store = EmbeddedMongoStore.start(file, "127.0.0.1", 0, 16);
        MongoClient client = MongoClients.create(store.connectionString())) {
      assertEquals(1, dialogs(client).countDocuments());
      Document d1 = dialogs(client).find(eq("_id", "d1")).first();
      assertEquals(when, d1.getDate("createdAt"), "still a date, to the millisecond");
      assertEquals(0, dialogs(client).countDocuments(eq("_id", "d2")), "the delete stuck too");
    }
  }

  @Test
  void listensOnLoopbackOnTheGivenOrAnyFreePort() {
    try (EmbeddedMongoStore store =
        EmbeddedMongoStore.start(dir.resolve("s.mv"), "127.0.0.1", 0, 16)) {
      assertTrue(store.connectionString().startsWith("mongodb://127.0.0.1:"));
      assertNotEquals("mongodb://127.0.0.1:0", store.connectionString());
    }
  }

  @Test
  void aTakenPortFailsTheStartAndReleasesTheFile() {
    Path file = dir.resolve("busy.mv");
    try (EmbeddedMongoStore first =
        EmbeddedMongoStore.start(dir.resolve("first.mv"), "127.0.0.1", 0, 16)) {
      int port = Integer.parseInt(first.connectionString().replaceAll(".*:", ""));
      assertThrows(
          IllegalStateException.class, () -> EmbeddedMongoStore.start(file, "127.0.0.1", port, 16));
    }
    // the failed start closed its file: it can be opened again at once
    try (EmbeddedMongoStore again = EmbeddedMongoStore.start(file, "127.0.0.1", 0, 16)) {
      assertTrue(again.connectionString().startsWith("mongodb://"));
    }
  }

  private static MongoCollection<Document> dialogs(MongoClient client) {
    return client.getDatabase("parley").getCollection("dialogs");
  }
}
