package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.parley.domain.model.dialog.DeliveryRecords;

/** The replies' delivery state, on the stored reply itself ({@code messages}, by its id). */
@ApplicationScoped
public class MongoDeliveryRecords implements DeliveryRecords {

  @Inject MongoDocumentStore store;

  @Override
  public boolean delivered(String replyId) {
    Document reply = messages().find(eq("_id", replyId)).first();
    return reply != null
        && DialogDocuments.DELIVERED.equals(reply.getString(DialogDocuments.DELIVERY_STATE));
  }

  @Override
  public void recordDelivery(String replyId, String platformMessageId, int attempts, Instant at) {
    messages()
        .updateOne(
            eq("_id", replyId),
            Updates.combine(
                Updates.set(DialogDocuments.DELIVERY_STATE, DialogDocuments.DELIVERED),
                Updates.set(DialogDocuments.DELIVERED_AT, Date.from(at)),
                Updates.set(DialogDocuments.DELIVERY_ATTEMPTS, attempts),
                Updates.set("platformMessageId", platformMessageId)));
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(DialogDocuments.MESSAGES);
  }
}
