package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;
import static com.mongodb.client.model.Indexes.descending;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The indexes every query needs, created at deployment (creating an existing index is a no-op).
 * Each DataAPI listing is an equality prefix (consent, then customer and/or language) followed by
 * the sort (updatedAt desc, _id), so each filter combination has its own index and no request
 * scans.
 */
@ApplicationScoped
public class MongoIndexes {

  private static final Logger LOG = Logger.getLogger(MongoIndexes.class.getName());
  private static final Bson NEWEST_FIRST = compoundIndex(descending("updatedAt"), ascending("_id"));

  @Inject MongoDocumentStore store;

  void create(@Observes @Initialized(ApplicationScoped.class) Object event) {
    MongoCollection<Document> dialogs = store.database().getCollection(MongoDialogStore.DIALOGS);
    dialogs.createIndexes(
        List.of(
            index("consent_updated", ascending("consent"), NEWEST_FIRST),
            index("consent_language_updated", ascending("consent", "language"), NEWEST_FIRST),
            index("consent_customer_updated", ascending("consent", "customerId"), NEWEST_FIRST),
            index(
                "consent_customer_language_updated",
                ascending("consent", "customerId", "language"),
                NEWEST_FIRST),
            index("customer", ascending("customerId")),
            index("consent_created", ascending("consent", "createdAt")),
            // the pipeline: a customer's open dialog, and the dialogs gone idle
            index(
                "customer_status_updated",
                ascending("customerId", "status"),
                descending("updatedAt")),
            index("status_updated", ascending("status", "updatedAt")),
            // the admin console: every dialog newest first, by channel, by language
            index("updated_id", NEWEST_FIRST),
            index("channel_updated", ascending("channel"), NEWEST_FIRST),
            index("language_updated", ascending("language"), NEWEST_FIRST)));
    MongoCollection<Document> messages = store.database().getCollection(MongoDialogStore.MESSAGES);
    messages.createIndexes(
        List.of(
            new IndexModel(
                ascending("dialogId", "seq"), new IndexOptions().name("dialog_seq").unique(true)),
            index("customer", ascending("customerId")),
            // the dashboard: turns received and replies delivered in a window
            index("received", ascending("direction", "receivedAt")),
            index("delivered", ascending("direction", "deliveredAt"))));
    store
        .database()
        .getCollection(MongoWebChatReplies.REPLIES)
        .createIndexes(
            List.of(
                index("user_seq", ascending("userId", "seq")),
                index("customer", ascending("customerId"))));
    LOG.info("Indexes of dialogs, messages and web chat replies are in place");
  }

  private static IndexModel index(String name, Bson... keys) {
    return new IndexModel(compoundIndex(keys), new IndexOptions().name(name));
  }
}
