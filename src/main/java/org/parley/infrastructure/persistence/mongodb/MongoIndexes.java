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
  private static final Bson NEWEST_FIRST =
      compoundIndex(descending(DialogDocuments.UPDATED_AT), ascending("_id"));

  @Inject MongoDocumentStore store;

  void create(@Observes @Initialized(ApplicationScoped.class) Object event) {
    MongoCollection<Document> dialogs = store.database().getCollection(DialogDocuments.DIALOGS);
    dialogs.createIndexes(
        List.of(
            index("consent_updated", ascending(DialogDocuments.CONSENT), NEWEST_FIRST),
            index(
                "consent_language_updated",
                ascending(DialogDocuments.CONSENT, DialogDocuments.LANGUAGE),
                NEWEST_FIRST),
            index(
                "consent_customer_updated",
                ascending(DialogDocuments.CONSENT, DialogDocuments.CUSTOMER_ID),
                NEWEST_FIRST),
            index(
                "consent_customer_language_updated",
                ascending(
                    DialogDocuments.CONSENT, DialogDocuments.CUSTOMER_ID, DialogDocuments.LANGUAGE),
                NEWEST_FIRST),
            index("customer", ascending(DialogDocuments.CUSTOMER_ID)),
            index(
                "consent_created", ascending(DialogDocuments.CONSENT, DialogDocuments.CREATED_AT)),
            // the pipeline: a customer's open dialog, and the dialogs gone idle
            index(
                "customer_status_updated",
                ascending(DialogDocuments.CUSTOMER_ID, DialogDocuments.STATUS),
                descending(DialogDocuments.UPDATED_AT)),
            index("status_updated", ascending(DialogDocuments.STATUS, DialogDocuments.UPDATED_AT)),
            // the admin console: every dialog newest first, by channel, by language
            index("updated_id", NEWEST_FIRST),
            index("channel_updated", ascending(DialogDocuments.CHANNEL), NEWEST_FIRST),
            index("language_updated", ascending(DialogDocuments.LANGUAGE), NEWEST_FIRST)));
    MongoCollection<Document> messages = store.database().getCollection(DialogDocuments.MESSAGES);
    messages.createIndexes(
        List.of(
            new IndexModel(
                ascending(DialogDocuments.DIALOG_ID, DialogDocuments.SEQ),
                new IndexOptions().name("dialog_seq").unique(true)),
            index("customer", ascending(DialogDocuments.CUSTOMER_ID)),
            // the dashboard: turns received and replies delivered in a window
            index("received", ascending(DialogDocuments.DIRECTION, DialogDocuments.RECEIVED_AT)),
            index("delivered", ascending(DialogDocuments.DIRECTION, DialogDocuments.DELIVERED_AT)),
            // a platform's later status of a reply (WhatsApp) names it by the platform's id
            new IndexModel(
                ascending(DialogDocuments.PLATFORM_MESSAGE_ID),
                new IndexOptions().name("platform_message").sparse(true))));
    store
        .database()
        .getCollection(DialogDocuments.WEBCHAT_REPLIES)
        .createIndexes(
            List.of(
                index("user_seq", ascending(DialogDocuments.USER_ID, DialogDocuments.SEQ)),
                index("customer", ascending(DialogDocuments.CUSTOMER_ID))));
    // the console's queue of conversations handed to a person, and the handoff of a dialog
    store
        .database()
        .getCollection(DialogDocuments.CONVERSATIONS)
        .createIndexes(
            List.of(
                new IndexModel(
                    ascending(DialogDocuments.HANDOFF + ".since"),
                    new IndexOptions().name("handoff_since").sparse(true)),
                new IndexModel(
                    ascending(DialogDocuments.HANDOFF + "." + DialogDocuments.DIALOG_ID),
                    new IndexOptions().name("handoff_dialog").sparse(true))));
    LOG.info("Indexes of dialogs, messages, conversations and web chat replies are in place");
  }

  private static IndexModel index(String name, Bson... keys) {
    return new IndexModel(compoundIndex(keys), new IndexOptions().name(name));
  }
}
