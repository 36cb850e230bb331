package org.parley.infrastructure.persistence.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.Config;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Parley's one connection to its document store. It decides which store that is: the MongoDB named
 * by {@code parley.mongodb.uri} (or {@code MONGODB_URI}), or, when none is configured, the embedded
 * development store, started here before JNoSQL connects. It owns the driver's {@link MongoClient}
 * and hands JNoSQL a {@link DatabaseManager} built on it, replacing JNoSQL's own connection from
 * {@code jnosql.*} keys, so the application, the health check and the index set-up share one pool.
 */
@ApplicationScoped
public class MongoDocumentStore {

  private static final Logger LOG = Logger.getLogger(MongoDocumentStore.class.getName());
  private static final Document PING = new Document("ping", 1);

  @Inject Config config;

  private EmbeddedMongoStore embedded;
  private MongoClient client;
  private MongoDatabase database;

  @PostConstruct
  void open() {
    String uri = configuredUri().orElseGet(this::startEmbedded);
    String databaseName =
        config
            .getOptionalValue(ConfigKeys.MONGODB_DATABASE, String.class)
            .orElse(ConfigKeys.MONGODB_DATABASE_DEFAULT);
    ConnectionString connection = new ConnectionString(uri);
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName("parley")
                .build());
    database = client.getDatabase(databaseName);
    LOG.log(
        Level.INFO,
        "Document store: database {0} on {1}",
        new Object[] {databaseName, connection.getHosts()});
  }

  /** Starts at deployment, so a missing or broken store shows at once, not at the first request. */
  void startEagerly(@Observes @Initialized(ApplicationScoped.class) Object event) {
    database.getName();
  }

  private Optional<String> configuredUri() {
    return config
        .getOptionalValue(ConfigKeys.MONGODB_URI, String.class)
        .or(() -> config.getOptionalValue(ConfigKeys.MONGODB_URI_ENV_ALIAS, String.class))
        .map(String::strip)
        .filter(uri -> !uri.isEmpty());
  }

  private String startEmbedded() {
    if (config.getOptionalValue(ConfigKeys.CLUSTER, Boolean.class).orElse(false)) {
      // each node would keep its own dialogs: users would see a different history on every node
      throw new IllegalStateException(
          "This node runs the cluster configuration (standalone-cluster.xml) but no MONGODB_URI is"
              + " set: several nodes need one shared MongoDB, not an embedded store each");
    }
    Path file =
        config
            .getOptionalValue(ConfigKeys.EMBEDDED_FILE, String.class)
            .map(Path::of)
            .orElseGet(MongoDocumentStore::defaultEmbeddedFile);
    String host =
        config
            .getOptionalValue(ConfigKeys.EMBEDDED_HOST, String.class)
            .orElse(ConfigKeys.EMBEDDED_HOST_DEFAULT);
    int port =
        config
            .getOptionalValue(ConfigKeys.EMBEDDED_PORT, Integer.class)
            .orElse(Integer.valueOf(ConfigKeys.EMBEDDED_PORT_DEFAULT));
    int cacheMb =
        config
            .getOptionalValue(ConfigKeys.EMBEDDED_CACHE_MB, Integer.class)
            .orElse(Integer.valueOf(ConfigKeys.EMBEDDED_CACHE_MB_DEFAULT));
    embedded = EmbeddedMongoStore.start(file, host, port, cacheMb);
    LOG.log(
        Level.WARNING,
        "No MONGODB_URI configured: started the embedded single-node DEVELOPMENT store at {0}"
            + " (data in {1}). Not for production: set MONGODB_URI to use a MongoDB replica set.",
        new Object[] {embedded.connectionString(), file.toAbsolutePath()});
    return embedded.connectionString();
  }

  private static Path defaultEmbeddedFile() {
    String dataDir = System.getProperty("jboss.server.data.dir", "data");
    return Path.of(dataDir, "parley", "parley-store.mv");
  }

  /** Whether this is the embedded development store rather than a configured MongoDB. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /** The database all of Parley's collections live in. */
  public MongoDatabase database() {
    return database;
  }

  /**
   * Asks the store for a {@code ping}, waiting at most {@code timeoutMillis} (including finding a
   * server).
   *
   * @throws RuntimeException when the store does not answer in time
   */
  public void ping(long timeoutMillis) {
    database.withTimeout(timeoutMillis, TimeUnit.MILLISECONDS).runCommand(PING);
  }

  /** The driver's client, shared by everything that talks to the store. */
  public MongoClient client() {
    return client;
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
    if (embedded != null) {
      embedded.close();
      LOG.info("Embedded development store closed");
    }
  }
}
