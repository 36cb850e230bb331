package org.parley.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The document store the ITs' server talks to: an in-memory MongoDB-wire server in the test JVM, on
 * the port failsafe reserved ({@code parley.it.store.port}). Started before the container boots, so
 * the deployed Parley finds it; a test may stop and restart it to see how Parley copes (it restarts
 * empty).
 */
public final class TestDocumentStore {

  private static MongoServer server;
  private static MongoClient client;

  private TestDocumentStore() {}

  public static synchronized void start() {
    if (server == null) {
      MongoServer started = new MongoServer(H2Backend.inMemory());
      started.bind("127.0.0.1", TestEnvironment.storePort());
      server = started;
    }
  }

  public static synchronized void stop() {
    if (server != null) {
      server.shutdownNow();
      server = null;
    }
  }

  public static String connectionString() {
    return "mongodb://127.0.0.1:" + TestEnvironment.storePort();
  }

  /** Parley's database as the store holds it, for asserting what was really written. */
  public static synchronized MongoDatabase database() {
    if (client == null) {
      client = MongoClients.create(connectionString());
    }
    return client.getDatabase("parley");
  }
}
