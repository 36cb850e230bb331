package org.parley.infrastructure.persistence.mongodb;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with three changes. Its unique indexes are opened with {@link
 * SerializedKeys}, which looks a key up without serialising it again at every step and writes keys
 * as BSON. Its collections keep their documents as BSON ({@link BsonDocumentType}), not
 * Java-serialised. And they hand out copies of what they hold ({@link CopyingCollection}). The maps
 * are named as the H2 backend names them, and what they held before is read as it was, so a store
 * file written without this opens with it; a file written with it does not open without it.
 * H2UniqueIndex's constructor is not public: it is called reflectively, and where that fails the
 * backend's own index is used (correct, only slower; its keys are then Java-serialised).
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
    CursorRegistry cursors = getCursorRegistry();
    return new H2Database(databaseName, store, cursors) {
      @Override
      protected MongoCollection<Object> openOrCreateCollection(
          String collectionName, CollectionOptions options) {
        // the maps H2Database itself opens: "databases." and "meta." before the namespace
        String namespace = getFullCollectionNamespace(collectionName);
        return new CopyingCollection(
            this,
            collectionName,
            options,
            store.openMap(
                "databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType())),
            store.openMap("meta." + namespace),
            cursors);
      }

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

  /**
   * A collection whose queries return copies of the documents it holds, not the instances in its H2
   * map. mongo-java-server updates a document by changing, field by field, the instance its query
   * returned, then puts that instance back. That instance is the one in the map's pages, which H2's
   * background writer may be serialising at that moment, and write a torn document to the file (an
   * encoding that checked for it failed with a ConcurrentModificationException). With a copy, the
   * update changes the copy and puts it as a new value; what the map held before is never changed.
   * The copy is made of what a query returns (after its filter, sort, skip and limit): the one
   * document of a findAndModify, the matched ones of an update, a find's page.
   */
  static final class CopyingCollection extends H2Collection {

    CopyingCollection(
        MongoDatabase database,
        String name,
        CollectionOptions options,
        MVMap<Object, Document> data,
        MVMap<String, Object> meta,
        CursorRegistry cursors) {
      super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
      List<Document> copies = new ArrayList<>(matched.size());
      for (Document document : matched) {
        copies.add(document.cloneDeeply());
      }
      return super.createQueryResult(copies, batchSize);
    }
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
