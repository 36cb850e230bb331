package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.parley.domain.model.audit.AuditAction;
import org.parley.domain.model.audit.AuditEntry;
import org.parley.domain.model.audit.AuditLog;

/**
 * The audit log in the collection {@code audit_log}, one document per entry under an ObjectId, so
 * that the id orders entries by time and pages through them without a secondary index.
 */
@ApplicationScoped
public class MongoAuditLog implements AuditLog {

  @Inject MongoDocumentStore store;

  @Override
  public long purgeBefore(Instant cutoff) {
    return log().deleteMany(lt("at", Date.from(cutoff))).getDeletedCount();
  }

  @Override
  public void record(AuditEntry entry) {
    log()
        .insertOne(
            new Document("_id", new ObjectId())
                .append("at", Date.from(entry.at()))
                .append("who", entry.who())
                .append("action", entry.action().name())
                .append("target", entry.target())
                .append("detail", entry.detail()));
  }

  @Override
  public List<AuditEntry> newest(
      Optional<String> beforeId, Optional<AuditAction> action, int limit) {
    List<Bson> filters = new ArrayList<>();
    beforeId.filter(ObjectId::isValid).ifPresent(id -> filters.add(lt("_id", new ObjectId(id))));
    action.ifPresent(a -> filters.add(eq("action", a.name())));
    Bson where = filters.isEmpty() ? new Document() : and(filters);
    return log()
        .find(where)
        .sort(Sorts.descending("_id"))
        .limit(limit)
        .map(MongoAuditLog::entry)
        .into(new ArrayList<>());
  }

  private static AuditEntry entry(Document document) {
    return new AuditEntry(
        document.getObjectId("_id").toHexString(),
        document.getDate("at").toInstant(),
        document.getString("who"),
        AuditAction.valueOf(document.getString("action")),
        document.getString("target"),
        document.getString("detail"));
  }

  private MongoCollection<Document> log() {
    return store.database().getCollection(DialogDocuments.AUDIT_LOG);
  }
}
