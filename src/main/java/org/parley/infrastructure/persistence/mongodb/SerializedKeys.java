package org.parley.infrastructure.persistence.mongodb;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: H2's {@link ObjectDataType}, which orders
 * mongo-java-server's index keys ({@link KeyValue}, not {@code Comparable}) by their Java
 * serialisation, serialising both keys again for every comparison of a lookup (a third of the
 * embedded store's CPU in #13's profile). The order is the same as ObjectDataType's, so that the
 * indexes of a store file written before stay in order. The keys Parley's indexes hold (an id; a
 * dialog and a number) are ordered without serialising them ({@link #compareShaped}); other keys
 * are serialised once, the key looked up and, remembered by identity, the keys in the pages. Keys
 * are written as BSON ({@link #write}); those written Java-serialised before are still read.
 */
final class SerializedKeys extends ObjectDataType {

  /** Past this many remembered keys the memory starts again (a few MB). */
  private static final int REMEMBERED = 50_000;

  /**
   * The tag of a key written as BSON: its values as the one array of a document. Not a tag
   * ObjectDataType writes, nor {@link BsonDocumentType#BSON}.
   */
  static final byte BSON_KEY = (byte) 0xB6;

  private static final String VALUES = "k";

  private final Map<Identity, byte[]> serialised = new ConcurrentHashMap<>();

  /**
   * Writes a key whose values BSON gives back as they are ({@link BsonDocumentType#roundTrips}) as
   * BSON, not Java-serialised: how a key is written does not decide where it sorts, {@link
   * #compare} does. A key written the old way is still read.
   */
  @Override
  public void write(WriteBuffer buffer, Object key) {
    if (key instanceof KeyValue values && roundTrips(values)) {
      ArrayList<Object> list = new ArrayList<>(values.size());
      values.forEach(list::add);
      BsonDocumentType.writeBson(buffer, BSON_KEY, new Document(VALUES, list));
    } else {
      super.write(buffer, key);
    }
  }

  /**
   * A key's size in H2's accounting of its page cache and unsaved pages. ObjectDataType estimates a
   * Java-serialised key by the average of those it wrote, which starts at 10 KB, and it writes none
   * now: left to it, every key would count as 10 KB, and the cache would hold and the store would
   * save its pages as if they were a hundred times their size (measured: three times the page
   * writes).
   */
  @Override
  public int getMemory(Object key) {
    return key instanceof KeyValue ? 24 + BsonDocumentType.memory(key) : super.getMemory(key);
  }

  @Override
  public Object read(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != BSON_KEY) {
      return super.read(buffer);
    }
    return new KeyValue((List<?>) BsonDocumentType.readBson(buffer).get(VALUES));
  }

  private static boolean roundTrips(KeyValue key) {
    for (Object value : key) {
      if (!BsonDocumentType.roundTrips(value)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue one && b instanceof KeyValue other) {
      if (a == b) {
        return 0;
      }
      int shaped = orderShaped(one, leadingAscii(one), other);
      return shaped != UNSHAPED ? shaped : compareNotNull(serialisedForm(a), serialisedForm(b));
    }
    return super.compare(a, b);
  }

  /** What {@link #orderShaped} answers for two keys that are not both of one shape it orders. */
  private static final int UNSHAPED = Integer.MIN_VALUE;

  /**
   * The order of key {@code one} (whose {@link #leadingAscii} is {@code x}, or null) and {@code
   * other} by {@link #compareShaped}, or {@link #UNSHAPED} if they are not of one shape it orders.
   */
  private static int orderShaped(KeyValue one, String x, Object other) {
    if (x == null || !(other instanceof KeyValue key) || key.size() != one.size()) {
      return UNSHAPED;
    }
    String y = leadingAscii(key);
    return y == null ? UNSHAPED : compareShaped(one, x, key, y);
  }

  /**
   * The order of the serialised forms of two keys of the same shape: an ASCII string, and then
   * perhaps a Double (the index on a message's dialog and number, whose numbers the backend holds
   * as Doubles). A KeyValue holds an ArrayList, so both forms are the same up to the string,
   * written as its length (two bytes, big endian) and its bytes; after an equal string come the
   * Double's class description, the same for both, and its eight bytes (doubleToLongBits, big
   * endian). ObjectDataType compares bytes unsigned, the shorter first.
   */
  static int compareShaped(KeyValue one, String x, KeyValue other, String y) {
    int compared = compareAscii(x, y);
    if (compared != 0 || one.size() == 1) {
      return compared;
    }
    return Integer.signum(
        Long.compareUnsigned(
            Double.doubleToLongBits((Double) one.get(1)),
            Double.doubleToLongBits((Double) other.get(1))));
  }

  /** The order of two ASCII strings' serialised forms: the shorter first, then by bytes. */
  static int compareAscii(String x, String y) {
    if (x.length() != y.length()) {
      return x.length() < y.length() ? -1 : 1;
    }
    return Integer.signum(x.compareTo(y));
  }

  /**
   * The key's first value if the key is of a shape {@link #compareShaped} orders: one string that
   * is ASCII without NUL (one byte a char in modified UTF-8), alone or followed by one Double.
   */
  static String leadingAscii(KeyValue key) {
    int size = key.size();
    if (size > 2
        || !(key.get(0) instanceof String value)
        || value.length() > 65_535
        || (size == 2 && !(key.get(1) instanceof Double))) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0 || c > 0x7f) {
        return null;
      }
    }
    return value;
  }

  @Override
  public int binarySearch(Object key, Object storage, int size, int initialGuess) {
    if (!(key instanceof KeyValue)) {
      return super.binarySearch(key, storage, size, initialGuess);
    }
    KeyValue searchedKey = (KeyValue) key;
    String ascii = leadingAscii(searchedKey);
    byte[] searched = null;
    Object[] keys = (Object[]) storage;
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      Object other = keys[middle];
      int compared = orderShaped(searchedKey, ascii, other);
      if (compared == UNSHAPED && other instanceof KeyValue) {
        if (searched == null) {
          searched = serialize(key);
        }
        compared = compareNotNull(searched, serialisedForm(other));
      } else if (compared == UNSHAPED) {
        compared = super.compare(key, other);
      }
      if (compared > 0) {
        low = middle + 1;
      } else if (compared < 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -(low + 1);
  }

  private byte[] serialisedForm(Object key) {
    if (serialised.size() > REMEMBERED) {
      serialised.clear();
    }
    return serialised.computeIfAbsent(new Identity(key), k -> serialize(k.object()));
  }

  /**
   * A key remembered as the object it is: a page's keys are the same objects lookup after lookup.
   */
  private record Identity(Object object) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity that && that.object == object;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(object);
    }
  }
}
