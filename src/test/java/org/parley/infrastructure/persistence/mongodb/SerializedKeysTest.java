package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's index key type orders and finds keys exactly as H2's own, only cheaper, and
 * a store file H2's own backend wrote is read and extended by ours (keys and documents are then
 * written as BSON, which H2's own cannot read back).
 */
class SerializedKeysTest {

  @TempDir Path dir;

  @Test
  void keysAreOrderedAndFoundAsH2OrdersAndFindsThem() {
    Random random = new Random(13);
    ObjectDataType h2 = new ObjectDataType();
    SerializedKeys ours = new SerializedKeys();
    List<KeyValue> keys = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      keys.add(randomKey(random));
    }
    for (int i = 0; i < 20_000; i++) {
      KeyValue a = keys.get(random.nextInt(keys.size()));
      KeyValue b = random.nextBoolean() ? keys.get(random.nextInt(keys.size())) : randomKey(random);
      assertEquals(
          Integer.signum(h2.compare(a, b)), Integer.signum(ours.compare(a, b)), a + " vs " + b);
    }
    Object[] sorted = keys.stream().distinct().sorted(h2::compare).toArray();
    for (int i = 0; i < 2000; i++) {
      KeyValue probe =
          i % 2 == 0 ? (KeyValue) sorted[random.nextInt(sorted.length)] : randomKey(random);
      int size = 1 + random.nextInt(sorted.length);
      assertEquals(
          h2.binarySearch(probe, sorted, size, random.nextInt(size)),
          ours.binarySearch(probe, sorted, size, random.nextInt(size)),
          "looking up " + probe);
    }
  }

  @Test
  void keysAreWrittenAsBsonAndThoseH2WroteAreStillRead() {
    SerializedKeys ours = new SerializedKeys();
    KeyValue numbered = new KeyValue("telegram:42-d", 7.0);
    KeyValue odd = new KeyValue("x", (short) 3); // BSON would give an Integer back
    WriteBuffer buffer = new WriteBuffer();
    ours.write(buffer, numbered);
    int first = buffer.position();
    ours.write(buffer, odd);
    new ObjectDataType().write(buffer, numbered); // as H2 wrote every key until now
    ByteBuffer bytes = buffer.getBuffer();
    bytes.flip();

    assertEquals(SerializedKeys.BSON_KEY, bytes.get(0));
    assertNotEquals(SerializedKeys.BSON_KEY, bytes.get(first));
    assertEquals(numbered, ours.read(bytes));
    Object read = ours.read(bytes);
    assertEquals(odd, read);
    assertEquals(Short.class, ((KeyValue) read).get(1).getClass());
    assertEquals(numbered, ours.read(bytes));
    assertEquals(0, bytes.remaining());
    // counted at about its size, not at the 10 KB ObjectDataType assumes of a key it never wrote
    assertTrue(ours.getMemory(numbered) < 500, "memory " + ours.getMemory(numbered));
  }

  @Test
  void aStoreFileWrittenByH2sOwnBackendIsReadAndExtendedByOursAndItsUniqueIndexesHold() {
    Path file = dir.resolve("store.mv");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ids.add("telegram:" + (7919L * i % 1000) + "-" + i);
    }
    // written by H2's own backend
    withStore(
        file,
        H2Backend::new,
        messages -> {
          messages.createIndex(
              Indexes.ascending("dialogId", "seq"),
              new IndexOptions().name("dialog_seq").unique(true));
          for (int i = 0; i < ids.size(); i++) {
            messages.insertOne(
                new Document("_id", ids.get(i))
                    .append("dialogId", "d" + i % 7)
                    .append("seq", (long) i)
                    .append("at", new Date(i)));
          }
          return null;
        });
    // read and extended with ours
    withStore(
        file,
        EmbeddedStoreBackend::new,
        messages -> {
          for (String id : ids) {
            assertNotNull(messages.find(eq("_id", id)).first(), id);
          }
          assertThrows(
              MongoWriteException.class, () -> messages.insertOne(new Document("_id", ids.get(5))));
          // every dialog and number H2 wrote is found by ours (ordered without serialising)
          for (int i = 0; i < ids.size(); i += 11) {
            Document again =
                new Document("_id", "x" + i)
                    .append("dialogId", "d" + i % 7)
                    .append("seq", (long) i);
            assertThrows(MongoWriteException.class, () -> messages.insertOne(again), "seq " + i);
          }
          assertEquals(new Date(17), messages.find(eq("_id", ids.get(17))).first().getDate("at"));
          messages.insertOne(
              new Document("_id", "late").append("dialogId", "d1").append("seq", 1000L));
          messages.updateOne(eq("_id", ids.get(3)), Updates.set("seq", 2000L));
          messages.deleteOne(eq("_id", ids.get(4)));
          return null;
        });
    // what both wrote, read by ours again
    withStore(
        file,
        EmbeddedStoreBackend::new,
        messages -> {
          assertEquals(ids.size(), messages.countDocuments(), "300 - 1 deleted + 1 late");
          assertNotNull(messages.find(eq("_id", "late")).first());
          assertEquals(2000L, messages.find(eq("_id", ids.get(3))).first().getLong("seq"));
          assertNull(messages.find(eq("_id", ids.get(4))).first(), "the delete stuck");
          assertEquals(new Date(299), messages.find(eq("_id", ids.get(299))).first().getDate("at"));
          assertThrows(
              MongoWriteException.class, () -> messages.insertOne(new Document("_id", "late")));
          Document taken = new Document("_id", "y").append("dialogId", "d1").append("seq", 1000L);
          assertThrows(MongoWriteException.class, () -> messages.insertOne(taken), "late's number");
          Document taken2 = new Document("_id", "z").append("dialogId", "d3").append("seq", 2000L);
          assertThrows(MongoWriteException.class, () -> messages.insertOne(taken2), "updated one");
          messages.insertOne(new Document("_id", "w").append("dialogId", "d3").append("seq", 3L));
          return null;
        });
  }

  private static void withStore(
      Path file,
      Function<MVStore, H2Backend> backend,
      Function<MongoCollection<Document>, Void> use) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).open();
    H2Backend opened = backend.apply(store);
    MongoServer server = new MongoServer(opened);
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      use.apply(client.getDatabase("parley").getCollection("messages"));
      if (opened instanceof EmbeddedStoreBackend) {
        List<String> indexes =
            store.getMapNames().stream().filter(name -> name.contains("._index_")).toList();
        assertEquals(2, indexes.size(), "_id and dialog_seq: " + indexes);
        for (String index : indexes) {
          assertTrue(
              store.openMap(index).getKeyType() instanceof SerializedKeys,
              index + " is looked up with SerializedKeys");
        }
      }
    } finally {
      server.shutdown();
      opened.close();
    }
  }

  private static KeyValue randomKey(Random random) {
    int kind = random.nextInt(10);
    return switch (kind) {
      // a message's dialog and number, as the backend's index holds them
      case 7 -> new KeyValue("d" + random.nextInt(40), (double) random.nextInt(300));
      case 8 -> new KeyValue(randomText(random, "abé"), randomDouble(random));
      case 9 -> new KeyValue(randomId(random), randomDouble(random));
      case 0 -> new KeyValue("telegram:" + random.nextInt(100_000) + "-" + random.nextInt(50));
      case 4 -> new KeyValue(randomText(random, "abcXYZ09:-/ ~\u007f"));
      case 5 -> new KeyValue(randomText(random, "aé\u0000zü€"));
      case 6 -> new KeyValue(random.nextInt(1000));
      case 1 -> new KeyValue(randomId(random), (long) random.nextInt(200));
      case 2 -> new KeyValue(randomId(random), random.nextInt(200));
      default -> new KeyValue(Arrays.asList("u" + random.nextInt(30), null));
    };
  }

  /** A Double of either sign, whole or not, or one of those whose bits order oddly. */
  private static double randomDouble(Random random) {
    double[] odd = {0.0, -0.0, Double.NaN, Double.MAX_VALUE, -Double.MIN_VALUE, 1e300, -1};
    return switch (random.nextInt(3)) {
      case 0 -> odd[random.nextInt(odd.length)];
      case 1 -> random.nextInt(2000) - 1000;
      default -> random.nextGaussian() * 1e6;
    };
  }

  /** A string of 0 to 40 characters from {@code alphabet}. */
  private static String randomText(Random random, String alphabet) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(41);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String randomId(Random random) {
    return Long.toHexString(random.nextLong()) + "-" + random.nextInt(1000);
  }
}
