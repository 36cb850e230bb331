package org.parley.it;

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
}
