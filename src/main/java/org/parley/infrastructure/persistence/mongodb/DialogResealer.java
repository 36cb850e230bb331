package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Re-encrypts dialog text after a key rotation, hourly at :37 on every node: each document whose
 * text is sealed with an older key of the keyset, or stored in plain before encryption was turned
 * on, is rewritten under the primary key. A document is rewritten only if its mark is still the one
 * read, so two nodes running at once rewrite it once; one whose text this keyset cannot open is
 * left as it is and counted. In plain mode it does nothing.
 */
@Singleton
public class DialogResealer {

  private static final Logger LOG = Logger.getLogger(DialogResealer.class.getName());

  @Inject MongoDocumentStore store;
  @Inject DialogCipher cipher;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.ENCRYPTION_RESEAL_BATCH,
      defaultValue = ConfigKeys.ENCRYPTION_RESEAL_BATCH_DEFAULT)
  int batch;

  /** What one run did, per collection. */
  public record Resealed(Map<String, Long> rewritten, long unopenable) {
    public long total() {
      return rewritten.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  @Schedule(minute = "37", hour = "*", persistent = false)
  void scheduled() {
    if (!cipher.encrypting()) {
      return;
    }
    Resealed run = resealAll();
    if (run.total() > 0 || run.unopenable() > 0) {
      LOG.log(
          Level.INFO,
          "Re-encrypted {0} document(s) under the primary key {1}; {2} left that this keyset"
              + " cannot open",
          new Object[] {run.rewritten(), cipher.mark(), run.unopenable()});
    }
  }

  /** Rewrites every document not sealed with the current keys; the figures of the run. */
  public Resealed resealAll() {
    Map<String, Long> rewritten = new LinkedHashMap<>();
    long unopenable = 0;
    if (!cipher.encrypting()) {
      return new Resealed(rewritten, 0);
    }
    for (String collection : DialogDocuments.SEALED_FIELDS.keySet().stream().sorted().toList()) {
      long[] counts = reseal(store.database().getCollection(collection), collection);
      rewritten.put(collection, counts[0]);
      unopenable += counts[1];
    }
    return new Resealed(rewritten, unopenable);
  }

  /** One collection, in batches by key order; {rewritten, left unopenable}. */
  private long[] reseal(MongoCollection<Document> documents, String collection) {
    Bson stale = nin(DialogDocuments.SEALED_WITH, new ArrayList<>(cipher.currentMarks()));
    long rewritten = 0;
    long unopenable = 0;
    Object after = null;
    while (true) {
      List<Document> page =
          documents
              .find(after == null ? stale : and(stale, gt("_id", after)))
              .sort(Sorts.ascending("_id"))
              .limit(Math.max(1, batch))
              .into(new ArrayList<>());
      if (page.isEmpty()) {
        return new long[] {rewritten, unopenable};
      }
      List<UpdateOneModel<Document>> updates = new ArrayList<>();
      for (Document document : page) {
        after = document.get("_id");
        try {
          // only if its mark is still the one read (null matches a document without one)
          updates.add(
              new UpdateOneModel<>(
                  and(
                      eq("_id", after),
                      eq(DialogDocuments.SEALED_WITH, document.get(DialogDocuments.SEALED_WITH))),
                  DialogDocuments.resealed(document, collection, cipher)));
        } catch (GeneralSecurityException e) {
          unopenable++;
        }
      }
      if (!updates.isEmpty()) { // the page in one round trip
        rewritten +=
            documents.bulkWrite(updates, new BulkWriteOptions().ordered(false)).getModifiedCount();
      }
    }
  }
}
