package org.parley.infrastructure.persistence.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import java.nio.file.Path;
import org.bson.Document;

/**
 * The embedded store of one unit test: the store Parley runs on by default (mongo-java-server, H2
 * backend, in a file of the test's own directory), reached through the real driver, with or without
 * Parley's indexes, and the {@link MongoDocumentStore} the adapters under test are given.
 */
final class EmbeddedStoreFixture implements AutoCloseable {

  private final EmbeddedMongoStore server;
  private final MongoClient client;
  final MongoDatabase database;
  final MongoDocumentStore documents;

  private EmbeddedStoreFixture(Path dir, boolean indexed, CommandListener listener) {
    server = EmbeddedMongoStore.start(dir.resolve("store.mv"), "127.0.0.1", 0, 16);
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.connectionString()));
    if (listener != null) {
      settings.addCommandListener(listener);
    }
    client = MongoClients.create(settings.build());
    database = client.getDatabase("parley");
    documents =
        new MongoDocumentStore() {
          @Override
          public MongoDatabase database() {
            return database;
          }
        };
    if (indexed) {
      MongoIndexes indexes = new MongoIndexes();
      indexes.store = documents;
      indexes.create(null);
    }
  }

  /** The store with Parley's indexes, unique ones included. */
  static EmbeddedStoreFixture start(Path dir) {
    return new EmbeddedStoreFixture(dir, true, null);
  }

  /** The store with Parley's indexes, every command the driver sends told to {@code listener}. */
  static EmbeddedStoreFixture start(Path dir, CommandListener listener) {
    return new EmbeddedStoreFixture(dir, true, listener);
  }

  /** The store without indexes, for a test that writes documents with only the fields it needs. */
  static EmbeddedStoreFixture bare(Path dir) {
    return new EmbeddedStoreFixture(dir, false, null);
  }

  MongoCollection<Document> collection(String name) {
    return database.getCollection(name);
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
