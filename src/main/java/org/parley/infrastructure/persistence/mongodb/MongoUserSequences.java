package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.Document;
import org.parley.application.UserSequences;

/**
 * The users' sequences in the document that already points to each user's dialog ({@code
 * conversations}, {@code _id} = the customer id), so that erasing the customer erases them too:
 * {@code issued} (the last number given at intake), {@code recent} (the platform ids of the last
 * {@value #RECENT} messages numbered, the last one numbered {@code issued}), {@code handled},
 * {@code lastReply} and {@code delivered}.
 */
@ApplicationScoped
public class MongoUserSequences implements UserSequences {

  /** How many of a user's message ids are kept to recognise a platform's redelivery. */
  static final int RECENT = 32;

  static final String ISSUED = "issued";
  static final String RECENT_IDS = "recent";
  static final String HANDLED = "handled";
  static final String LAST_REPLY = "lastReply";
  static final String DELIVERED = "delivered";

  @Inject MongoDocumentStore store;

  @Override
  public long issue(String customerId, String messageId) {
    try {
      Document after =
          conversations()
              .findOneAndUpdate(
                  and(eq("_id", customerId), ne(RECENT_IDS, messageId)),
                  Updates.combine(
                      Updates.inc(ISSUED, 1L),
                      Updates.pushEach(
                          RECENT_IDS, List.of(messageId), new PushOptions().slice(-RECENT))),
                  new FindOneAndUpdateOptions()
                      .upsert(true)
                      .returnDocument(ReturnDocument.AFTER)
                      .projection(Projections.include(ISSUED)));
      return number(after, ISSUED);
    } catch (RuntimeException e) {
      if (!MongoDialogStore.isDuplicateKey(e)) {
        throw e;
      }
      // the filter missed an existing document: the id is among the recent ones (a redelivery)
      return numberGiven(customerId, messageId);
    }
  }

  /** The number a recent message got: the last one numbered has {@code issued}. */
  private long numberGiven(String customerId, String messageId) {
    Document document = conversations().find(eq("_id", customerId)).first();
    if (document == null) { // erased meanwhile: start again
      return issue(customerId, messageId);
    }
    List<String> recent = document.getList(RECENT_IDS, String.class, List.of());
    int index = recent.lastIndexOf(messageId);
    if (index < 0) { // pushed out meanwhile by newer messages
      return issue(customerId, messageId);
    }
    return number(document, ISSUED) - (recent.size() - 1 - index);
  }

  @Override
  public Progress progress(String customerId) {
    Document document =
        conversations()
            .find(eq("_id", customerId))
            .projection(Projections.include(HANDLED, LAST_REPLY, DELIVERED))
            .first();
    if (document == null) {
      return Progress.NONE;
    }
    return new Progress(
        number(document, HANDLED), number(document, LAST_REPLY), number(document, DELIVERED));
  }

  @Override
  public void handled(String customerId, long sequence, long lastReply) {
    // only forward: a late duplicate of an earlier message leaves the marks where they are
    conversations()
        .updateOne(
            eq("_id", customerId),
            Updates.combine(Updates.max(HANDLED, sequence), Updates.max(LAST_REPLY, lastReply)));
  }

  @Override
  public void delivered(String customerId, long position) {
    conversations().updateOne(eq("_id", customerId), Updates.max(DELIVERED, position));
  }

  private static long number(Document document, String field) {
    Number value = document == null ? null : document.get(field, Number.class);
    return value == null ? 0 : value.longValue();
  }

  MongoCollection<Document> conversations() {
    return store.database().getCollection(DialogDocuments.CONVERSATIONS);
  }
}
