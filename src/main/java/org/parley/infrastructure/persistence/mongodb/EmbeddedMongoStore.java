package org.parley.infrastructure.persistence.mongodb;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The single-node development store: mongo-java-server speaking the MongoDB wire protocol, its data
 * in one H2 MVStore file so it survives restarts. Not for production: no replication, no
 * transactions, no text search, TTL indexes not enforced.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

  private final Path file;
  private final H2Backend backend;
  private final MongoServer server;
  private final InetSocketAddress address;

  private EmbeddedMongoStore(Path file, H2Backend backend, MongoServer server) {
    this.file = file;
    this.backend = backend;
    this.server = server;
    this.address = server.getLocalAddress();
  }

  /**
   * Opens (or creates) the store file and starts listening.
   *
   * @param port 0 for any free port
   * @param cacheMb the page cache: what it holds is not read back from the file on every scan
   */
  public static EmbeddedMongoStore start(Path file, String host, int port, int cacheMb) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of " + file, e);
    }
    H2Backend backend =
        new EmbeddedStoreBackend(
            new MVStore.Builder()
                .fileName(file.toAbsolutePath().toString())
                .cacheSize(Math.max(1, cacheMb))
                .open());
    MongoServer server = new MongoServer(backend);
    try {
      server.bind(host, port);
    } catch (Exception e) { // Netty throws BindException undeclared
      server.shutdownNow();
      backend.close();
      throw new IllegalStateException(
          "The embedded store cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return new EmbeddedMongoStore(file, backend, server);
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  public Path file() {
    return file;
  }

  /** Stops listening, then flushes and closes the store file. */
  @Override
  public void close() {
    server.shutdown();
    backend.close();
  }
}
