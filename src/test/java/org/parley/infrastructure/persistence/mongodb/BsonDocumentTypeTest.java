package org.parley.infrastructure.persistence.mongodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTest {

  private final BsonDocumentType type = new BsonDocumentType();

  @Test
  void everyTypeTheWireDecoderMakesComesBackEqualAndOfTheSameClass() {
    Document nested = new Document("n", 1).append("list", list("a", 2L, new Document("x", 2.5)));
    Document document =
        new Document("_id", "dialog-1")
            .append("int", 42)
            .append("long", 1L << 40)
            .append("double", -0.5)
            .append("bool", true)
            .append("null", null)
            .append("when", Instant.ofEpochMilli(1_767_323_045_678L))
            .append("oid", new ObjectId())
            .append("decimal", Decimal128.ONE)
            .append("uuid", UUID.randomUUID())
            .append("legacy", new LegacyUUID(UUID.randomUUID()))
            .append("ts", new BsonTimestamp(7L << 32 | 3))
            .append("js", new BsonJavaScript("function() {}"))
            .append("max", MaxKey.getInstance())
            .append("min", MinKey.getInstance())
            .append("bytes", new BinData(new byte[] {1, 2, 3}))
            .append("text", "Grüße, ünïcödé ✓")
            .append("nested", nested);

    byte[] bytes = written(document);
    assertEquals(BsonDocumentType.BSON, bytes[0], "written as BSON");
    Document read = type.read(ByteBuffer.wrap(bytes));

    assertEquals(document, read);
    assertSameClasses(document, read);
    assertEquals(List.copyOf(document.keySet()), List.copyOf(read.keySet()), "in the same order");

    // a regular expression has no equals: the same pattern and options
    Document regex = new Document("r", new BsonRegularExpression("^a.*", "i"));
    Object back = type.read(ByteBuffer.wrap(written(regex))).get("r");
    assertEquals(BsonRegularExpression.class, back.getClass());
    assertEquals(regex.get("r").toString(), back.toString());
  }

  @Test
  void aValueBsonWouldChangeIsWrittenTheOldWayAndComesBackAsItWas() {
    Document document =
        new Document("_id", "d")
            .append("date", new Date(5L))
            .append("set", new HashSet<>(List.of("a")));

    byte[] bytes = written(document);
    assertNotEquals(BsonDocumentType.BSON, bytes[0], "Java-serialised, not BSON");
    Document read = type.read(ByteBuffer.wrap(bytes));

    assertEquals(document, read);
    assertSameClasses(document, read);
    assertFalse(BsonDocumentType.roundTrips(new Document("k", new Date(5L))));
    assertFalse(BsonDocumentType.roundTrips(new Document("k", (short) 5)));
    assertTrue(BsonDocumentType.roundTrips(new Document("k", list(1, "b"))));
  }

  @Test
  void readsWhatH2WroteBeforeAndWhatFollowsIt() {
    Document old = new Document("_id", "old").append("n", 7).append("at", Instant.ofEpochSecond(9));
    Document next = new Document("_id", "new").append("n", 8);
    WriteBuffer buffer = new WriteBuffer();
    new ObjectDataType().write(buffer, old); // how H2Backend kept every document until now
    type.write(buffer, next);
    ByteBuffer bytes = buffer.getBuffer();
    bytes.flip();

    assertEquals(old, type.read(bytes));
    assertEquals(next, type.read(bytes), "the position was left after the first");
    assertEquals(0, bytes.remaining());
  }

  private byte[] written(Document document) {
    WriteBuffer buffer = new WriteBuffer();
    type.write(buffer, document);
    ByteBuffer bytes = buffer.getBuffer();
    bytes.flip();
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    return copy;
  }

  private static void assertSameClasses(Object expected, Object actual) {
    if (expected == null) {
      assertNull(actual);
      return;
    }
    assertEquals(expected.getClass(), actual.getClass(), String.valueOf(expected));
    if (expected instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) expected).entrySet()) {
        assertSameClasses(entry.getValue(), ((Map<?, ?>) actual).get(entry.getKey()));
      }
    } else if (expected instanceof List) {
      for (int i = 0; i < ((List<?>) expected).size(); i++) {
        assertSameClasses(((List<?>) expected).get(i), ((List<?>) actual).get(i));
      }
    }
  }

  private static ArrayList<Object> list(Object... elements) {
    return new ArrayList<>(List.of(elements));
  }
}
