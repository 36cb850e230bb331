package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.parley.domain.model.dialog.DeliveryRecords;

/** The replies' delivery state, on the stored reply itself ({@code messages}, by its id). */
@ApplicationScoped
public class MongoDeliveryRecords implements DeliveryRecords {

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

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
                Updates.set(DialogDocuments.PLATFORM_MESSAGE_ID, platformMessageId)));
  }

  @Override
  public void recordRefusal(String replyId, String reason, int attempts, Instant at) {
    messages()
        .updateOne(
            eq("_id", replyId),
            Updates.combine(
                Updates.set(DialogDocuments.DELIVERY_STATE, DialogDocuments.REFUSED),
                Updates.set(
                    DialogDocuments.FAILURE,
                    cipher.seal(
                        reason,
                        DialogDocuments.where(
                            DialogDocuments.MESSAGES, replyId, DialogDocuments.FAILURE))),
                Updates.set(DialogDocuments.FAILED_AT, Date.from(at)),
                Updates.set(DialogDocuments.DELIVERY_ATTEMPTS, attempts)));
  }

  @Override
  public long recordPlatformStatuses(List<PlatformStatus> statuses) {
    if (statuses.isEmpty()) {
      return 0;
    }
    // one conditional update each, all in one round trip: only a later state replaces the one
    // recorded (statuses can arrive out of order, even within a callback), and failed is final
    List<UpdateOneModel<Document>> updates = new ArrayList<>();
    for (PlatformStatus status : statuses) {
      int rank = status.state().ordinal() + 1;
      List<Bson> set = new ArrayList<>();
      set.add(Updates.set(DialogDocuments.PLATFORM_STATUS, status.state().name()));
      set.add(Updates.set(DialogDocuments.PLATFORM_STATUS_RANK, rank));
      set.add(Updates.set(DialogDocuments.PLATFORM_STATUS_AT, Date.from(status.at())));
      if (status.state() == PlatformStatus.State.FAILED) {
        set.add(Updates.set(DialogDocuments.DELIVERY_STATE, DialogDocuments.REFUSED));
        if (status.error() != null) {
          set.add(Updates.set(DialogDocuments.PLATFORM_ERROR, status.error()));
        }
      }
      updates.add(
          new UpdateOneModel<>(
              and(
                  eq(DialogDocuments.PLATFORM_MESSAGE_ID, status.platformMessageId()),
                  eq(DialogDocuments.CHANNEL, status.channel()),
                  or(
                      exists(DialogDocuments.PLATFORM_STATUS_RANK, false),
                      lt(DialogDocuments.PLATFORM_STATUS_RANK, rank))),
              Updates.combine(set)));
    }
    return messages().bulkWrite(updates, new BulkWriteOptions().ordered(false)).getModifiedCount();
  }

  private MongoCollection<Document> messages() {
    return store.database().getCollection(DialogDocuments.MESSAGES);
  }
}
