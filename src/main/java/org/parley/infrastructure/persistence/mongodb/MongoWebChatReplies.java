package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.parley.application.CustomerIds;
import org.parley.application.OutboundReply;
import org.parley.application.WebChatReplies;

/**
 * Web chat replies in {@code webchat_replies} ({@code _id} = reply id, so a reply is kept once),
 * numbered per user by a counter in {@code webchat_users}. They are the user's own copy of the
 * conversation, deleted with the customer (erasure) like everything else of theirs.
 */
@ApplicationScoped
public class MongoWebChatReplies implements WebChatReplies {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

  @Override
  public Delivered append(OutboundReply reply, Instant at) {
    Document existing = replies().find(eq("_id", reply.replyId())).first();
    if (existing != null) {
      return delivered(existing, cipher);
    }
    Document counter =
        users()
            .findOneAndUpdate(
                eq("_id", reply.userId()),
                Updates.combine(
                    Updates.inc(DialogDocuments.SEQ, 1L),
                    Updates.set("at", Date.from(at)), // the last reply, for the retention
                    // whose counter it is, so that erasing the customer finds it
                    Updates.setOnInsert(
                        DialogDocuments.CUSTOMER_ID,
                        CustomerIds.of(reply.channel(), reply.userId()))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    Document document =
        new Document("_id", reply.replyId())
            .append(DialogDocuments.USER_ID, reply.userId())
            .append(DialogDocuments.CUSTOMER_ID, CustomerIds.of(reply.channel(), reply.userId()))
            .append(DialogDocuments.SEQ, counter.get(DialogDocuments.SEQ, Number.class).longValue())
            .append(
                DialogDocuments.REPLY,
                cipher.seal(
                    JSON.toJson(reply),
                    DialogDocuments.where(
                        DialogDocuments.WEBCHAT_REPLIES, reply.replyId(), DialogDocuments.REPLY)))
            .append("at", Date.from(at))
            .append(DialogDocuments.SEALED_WITH, cipher.mark());
    replies().insertOne(document);
    return delivered(document, cipher);
  }

  @Override
  public List<Delivered> after(String userId, long afterSeq, int limit) {
    List<Delivered> found = new ArrayList<>();
    for (Document document :
        replies()
            .find(and(eq(DialogDocuments.USER_ID, userId), gt(DialogDocuments.SEQ, afterSeq)))
            .sort(Sorts.ascending(DialogDocuments.SEQ))
            .limit(limit)) {
      found.add(delivered(document, cipher));
    }
    return found;
  }

  @Override
  public long purgeDeliveredBefore(Instant cutoff) {
    Date before = Date.from(cutoff);
    long purged = replies().deleteMany(lt("at", before)).getDeletedCount();
    users().deleteMany(lt("at", before));
    return purged;
  }

  private static Delivered delivered(Document document, DialogCipher cipher) {
    return new Delivered(
        document.getString(DialogDocuments.USER_ID),
        document.get(DialogDocuments.SEQ, Number.class).longValue(),
        JSON.fromJson(
            DialogDocuments.opened(
                document, DialogDocuments.WEBCHAT_REPLIES, DialogDocuments.REPLY, cipher),
            OutboundReply.class),
        document.getDate("at").toInstant());
  }

  private MongoCollection<Document> replies() {
    return store.database().getCollection(DialogDocuments.WEBCHAT_REPLIES);
  }

  private MongoCollection<Document> users() {
    return store.database().getCollection(DialogDocuments.WEBCHAT_USERS);
  }
}
