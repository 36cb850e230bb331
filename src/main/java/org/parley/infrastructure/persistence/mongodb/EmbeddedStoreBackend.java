package org.parley.infrastructure.persistence.mongodb;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, its unique indexes opened with {@link SerializedKeys}, which
 * looks a key up without serialising it again at every step. The index maps are named as the H2
 * backend names them and hold the same bytes, so a store file is the same with or without this.
 * H2UniqueIndex's constructor is not public: it is called reflectively, and where that fails the
 * backend's own index is used (correct, only slower).
 */
final class EmbeddedStoreBackend extends H2Backend {

  private static final Logger LOG = Logger.getLogger(EmbeddedStoreBackend.class.getName());
  private static final Constructor<H2UniqueIndex> UNIQUE_INDEX = uniqueIndexConstructor();

  EmbeddedStoreBackend(MVStore store) {
    super(store);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    MVStore store = getMvStore();
    return new H2Database(databaseName, store, getCursorRegistry()) {
      @Override
      protected Index<Object> openOrCreateUniqueIndex(
          String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        if (UNIQUE_INDEX == null) {
          return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
        MVMap<KeyValue, Object> map =
            store.openMap(
                getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeys()));
        try {
          return UNIQUE_INDEX.newInstance(map, indexName, keys, sparse);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot open the index " + indexName, e);
        }
      }
    };
  }

  private static Constructor<H2UniqueIndex> uniqueIndexConstructor() {
    try {
      Constructor<H2UniqueIndex> constructor =
          H2UniqueIndex.class.getDeclaredConstructor(
              MVMap.class, String.class, List.class, boolean.class);
      constructor.setAccessible(true);
      return constructor;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "The embedded store's indexes use H2's default key type", e);
      return null;
    }
  }
}
