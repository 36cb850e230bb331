package org.parley.infrastructure.persistence.mongodb;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: H2's {@link ObjectDataType}, which orders
 * mongo-java-server's index keys ({@link KeyValue}, not {@code Comparable}) by their Java
 * serialisation, serialising both keys again for every comparison of a lookup (a third of the
 * embedded store's CPU in #13's profile). The order and the bytes written are the same as
 * ObjectDataType's, so that a store file written before is read as it was; only the serialised form
 * of a key is computed once, for the key looked up and, remembered by identity, for the keys in the
 * pages.
 */
final class SerializedKeys extends ObjectDataType {

  /** Past this many remembered keys the memory starts again (a few MB). */
  private static final int REMEMBERED = 50_000;

  private final Map<Identity, byte[]> serialised = new ConcurrentHashMap<>();

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue && b instanceof KeyValue) {
      return a == b ? 0 : compareNotNull(serialisedForm(a), serialisedForm(b));
    }
    return super.compare(a, b);
  }

  @Override
  public int binarySearch(Object key, Object storage, int size, int initialGuess) {
    if (!(key instanceof KeyValue)) {
      return super.binarySearch(key, storage, size, initialGuess);
    }
    byte[] searched = serialize(key);
    Object[] keys = (Object[]) storage;
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      Object other = keys[middle];
      int compared =
          other instanceof KeyValue
              ? compareNotNull(searched, serialisedForm(other))
              : super.compare(key, other);
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
