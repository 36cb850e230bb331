package org.parley.infrastructure.persistence.mongodb;

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
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a document in its file: as BSON, the encoding mongo-java-server
 * already speaks on the wire, instead of H2's default for an object it does not know, Java
 * serialisation. Java-serialising the documents and reading them back was most of the store's work
 * and of everything the server allocated (issue "A cheaper turn": 10 GB of the 17 GB allocated in
 * 110 s of the benchmark at half rate), and so of the collector's pauses that an acknowledgement
 * waits out.
 *
 * <p>A value is one tag byte, {@link #BSON}, then the BSON document. A document written before
 * (Java-serialised, with H2's own tag) is still read, so an existing store file opens; an older
 * Parley cannot read a file this one wrote. A document with a value that BSON would not give back
 * as the same Java type (none that came over the wire; see {@link #roundTrips}) is written the old
 * way.
 */
final class BsonDocumentType extends BasicDataType<Document> {

  /** Not a tag H2's ObjectDataType writes (those are 0 to 119). */
  static final byte BSON = (byte) 0xB5;

  private static final ThreadLocal<ByteBuf> BUFFERS =
      ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

  private final ObjectDataType serialized = new ObjectDataType();

  @Override
  public Document[] createStorage(int size) {
    return new Document[size];
  }

  @Override
  public int getMemory(Document document) {
    return 64 + memory(document);
  }

  @Override
  public void write(WriteBuffer buffer, Document document) {
    if (roundTrips(document)) {
      writeBson(buffer, BSON, document);
    } else {
      serialized.write(buffer, document);
    }
  }

  @Override
  public Document read(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != BSON) {
      return (Document) serialized.read(buffer);
    }
    return readBson(buffer);
  }

  /** Writes the tag, then the document as BSON. */
  static void writeBson(WriteBuffer buffer, byte tag, Map<String, ?> document) {
    ByteBuf bson = BUFFERS.get();
    bson.clear();
    BsonEncoder.encodeDocument(document, bson);
    buffer.put(tag);
    buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    if (bson.capacity() > 1 << 20) { // do not keep a large document's buffer
      BUFFERS.remove();
    }
  }

  /** Reads what {@link #writeBson} wrote, the tag first; leaves the position after it. */
  static Document readBson(ByteBuffer buffer) {
    int start = buffer.position() + 1;
    int length = Integer.reverseBytes(buffer.getInt(start)); // BSON's length is little-endian
    ByteBuffer bson = buffer.duplicate();
    bson.limit(start + length).position(start);
    Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    buffer.position(start + length);
    return document;
  }

  /**
   * Whether BSON gives this value back as an equal object of the same class: the types
   * mongo-java-server's wire decoder produces. Another Map or Collection would come back as a
   * Document or an ArrayList, and a type BSON has no place for would not be written at all.
   */
  static boolean roundTrips(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof Instant
        || value instanceof ObjectId
        || value instanceof Decimal128
        || value instanceof UUID
        || value instanceof LegacyUUID
        || value instanceof BsonTimestamp
        || value instanceof BsonRegularExpression
        || value instanceof BsonJavaScript
        || value instanceof MaxKey
        || value instanceof MinKey
        || value instanceof BinData) {
      return true;
    }
    if (value.getClass() == Document.class) {
      for (Map.Entry<String, Object> entry : ((Document) value).entrySet()) {
        if (entry.getKey().indexOf('\0') >= 0 || !roundTrips(entry.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value.getClass() == ArrayList.class) {
      for (Object element : (ArrayList<?>) value) {
        if (!roundTrips(element)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** A rough size in memory, for H2's page cache and write buffer accounting. */
  static int memory(Object value) {
    if (value instanceof Document) {
      int size = 48;
      for (Map.Entry<String, Object> entry : ((Document) value).entrySet()) {
        size += 40 + 2 * entry.getKey().length() + memory(entry.getValue());
      }
      return size;
    }
    if (value instanceof Iterable) {
      int size = 40;
      for (Object element : (Iterable<?>) value) {
        size += 8 + memory(element);
      }
      return size;
    }
    if (value instanceof String) {
      return 48 + ((String) value).length();
    }
    return 24;
  }
}
