package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.parley.plugin.internal.PendingAction;
import org.parley.plugin.internal.PendingActionStore;

/**
 * Pending actions in {@code pending_actions}, one document per dialog ({@code _id} = dialogId).
 * They hold what the user said, so erasing or purging a dialog deletes its pending action too. The
 * customer's pointer names the dialog that has one ({@code pending}), so that a turn looks for it
 * only then.
 */
@ApplicationScoped
public class MongoPendingActionStore implements PendingActionStore {

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

  @Override
  public Optional<PendingAction> find(String dialogId) {
    Document document = collection().find(eq("_id", dialogId)).first();
    if (document == null) {
      return Optional.empty();
    }
    Map<String, String> attributes = new HashMap<>();
    Document stored = DialogDocuments.openedAttributes(document, cipher);
    if (stored != null) {
      stored.forEach((name, value) -> attributes.put(name, String.valueOf(value)));
    }
    return Optional.of(
        new PendingAction(
            document.getString(DialogDocuments.PLUGIN),
            document.getString("action"),
            attributes,
            document.getString("awaiting")));
  }

  @Override
  public void save(String dialogId, String customerId, PendingAction pending) {
    collection()
        .replaceOne(
            eq("_id", dialogId),
            new Document("_id", dialogId)
                .append(DialogDocuments.CUSTOMER_ID, customerId)
                .append(DialogDocuments.PLUGIN, pending.plugin())
                .append("action", pending.action())
                .append(
                    DialogDocuments.ATTRIBUTES,
                    DialogDocuments.sealedAttributes(
                        dialogId, new Document(new HashMap<>(pending.attributes())), cipher))
                .append("awaiting", pending.awaiting())
                .append(DialogDocuments.UPDATED_AT, new Date())
                .append(DialogDocuments.SEALED_WITH, cipher.mark()),
            new ReplaceOptions().upsert(true));
    // the turn reads the pointer anyway: there it learns whether to look for a pending action
    conversations()
        .updateOne(eq("_id", customerId), Updates.set(DialogDocuments.PENDING, dialogId));
  }

  @Override
  public void clear(String dialogId) {
    Document cleared = collection().findOneAndDelete(eq("_id", dialogId));
    if (cleared != null && cleared.getString(DialogDocuments.CUSTOMER_ID) != null) {
      conversations()
          .updateOne(
              and(
                  eq("_id", cleared.getString(DialogDocuments.CUSTOMER_ID)),
                  eq(DialogDocuments.PENDING, dialogId)),
              Updates.unset(DialogDocuments.PENDING));
    }
  }

  private MongoCollection<Document> conversations() {
    return store.database().getCollection(DialogDocuments.CONVERSATIONS);
  }

  private MongoCollection<Document> collection() {
    return store.database().getCollection(DialogDocuments.PENDING_ACTIONS);
  }
}
