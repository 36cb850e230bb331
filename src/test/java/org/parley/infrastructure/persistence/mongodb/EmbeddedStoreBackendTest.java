package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's collections never change a document instance their H2 map holds: H2's
 * background writer may be serialising it. The test holds the instance the map had before an update
 * and checks it afterwards, through both ways mongo-java-server updates (update and findAndModify).
 * And they keep their documents in the file as BSON ({@link BsonDocumentType}), not as H2's Java
 * serialisation.
 */
class EmbeddedStoreBackendTest {

  @TempDir Path dir;

  private MVStore store;
  private MongoServer server;
  private MongoClient client;

  @BeforeEach
  void start() {
    store = new MVStore.Builder().fileName(dir.resolve("store.mv").toString()).open();
    server = new MongoServer(new EmbeddedStoreBackend(store));
    client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
    store.close();
  }

  @Test
  void anUpdateLeavesTheInstanceTheMapHeldUnchanged() {
    messages().insertOne(new Document("_id", "m1").append("text", "hello").append("seq", 1));
    Object held = data().get("m1");

    messages().updateOne(eq("_id", "m1"), combine(set("text", "changed"), unset("seq")));

    assertEquals("hello", field(held, "text"), "the old instance kept its text");
    assertEquals(1, field(held, "seq"), "and the field the update removed");
    assertNotSame(held, data().get("m1"), "the update put a new instance");
    Document now = messages().find(eq("_id", "m1")).first();
    assertEquals("changed", now.getString("text"));
    assertNull(now.get("seq"));
  }

  @Test
  void aFindAndModifyLeavesTheInstanceTheMapHeldUnchanged() {
    messages().insertOne(new Document("_id", "m2").append("state", "RECEIVED"));
    Object held = data().get("m2");

    Document before = messages().findOneAndUpdate(eq("_id", "m2"), set("state", "ANSWERED"));

    assertEquals("RECEIVED", before.getString("state"), "findAndModify returns the old document");
    assertEquals("RECEIVED", field(held, "state"), "the old instance is unchanged");
    assertEquals("ANSWERED", field(data().get("m2"), "state"));
  }

  @Test
  void theFileHoldsTheDocumentsAsBson() {
    messages().insertOne(new Document("_id", "m3").append("text", "kept").append("seq", 3));
    stop(); // closing writes the file

    TagProbe probe = new TagProbe();
    MVStore reopened = new MVStore.Builder().fileName(dir.resolve("store.mv").toString()).open();
    try {
      Object read =
          reopened
              .openMap(
                  "databases.parley.messages",
                  new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(probe))
              .get("m3");
      assertEquals(BsonDocumentType.BSON, probe.tag, "the first byte of the stored value");
      assertEquals("kept", field(read, "text"));
    } finally {
      reopened.close();
    }
  }

  /** Reads values as the store does, and remembers the tag byte the last one began with. */
  private static final class TagProbe extends BasicDataType<de.bwaldvogel.mongo.bson.Document> {
    private final BsonDocumentType type = new BsonDocumentType();
    byte tag;

    @Override
    public de.bwaldvogel.mongo.bson.Document read(ByteBuffer buffer) {
      tag = buffer.get(buffer.position());
      return type.read(buffer);
    }

    @Override
    public void write(WriteBuffer buffer, de.bwaldvogel.mongo.bson.Document document) {
      type.write(buffer, document);
    }

    @Override
    public int getMemory(de.bwaldvogel.mongo.bson.Document document) {
      return type.getMemory(document);
    }

    @Override
    public de.bwaldvogel.mongo.bson.Document[] createStorage(int size) {
      return type.createStorage(size);
    }
  }

  private MongoCollection<Document> messages() {
    return client.getDatabase("parley").getCollection("messages");
  }

  /** The collection's H2 map, as H2Database names it; MVStore hands out the open map. */
  private MVMap<Object, Object> data() {
    return store.openMap("databases.parley.messages");
  }

  private static Object field(Object document, String name) {
    return ((de.bwaldvogel.mongo.bson.Document) document).get(name);
  }
}
