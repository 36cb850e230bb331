package org.parley.infrastructure.persistence.mongodb;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.mapping.Database;
import org.eclipse.jnosql.mapping.DatabaseType;

/**
 * Gives JNoSQL its document manager on {@link MongoDocumentStore}'s client instead of one JNoSQL
 * would build from {@code jnosql.*} keys. A selected alternative (CDI selects producers through
 * their class), so it wins over JNoSQL's own producer with the same qualifier.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class JnosqlDatabaseManagerProducer {

  @Inject MongoDocumentStore store;

  @Produces
  @ApplicationScoped
  @Database(DatabaseType.DOCUMENT)
  DatabaseManager databaseManager() {
    return new MongoDBDocumentConfiguration().get(store.client()).apply(store.database().getName());
  }
}
