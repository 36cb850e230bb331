package org.parley.it;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Every document of every collection of a database whose JSON holds a string: what "nothing left"
 * and "no plain copy" tests search. For the in-container tests (they add this class to their
 * deployment) and the client-side ones alike.
 */
final class StoreSearch {

  private StoreSearch() {}

  /** {@code collection/_id} of each document that holds {@code needle}. */
  static List<String> documentsHolding(MongoDatabase database, String needle) {
    List<String> where = new ArrayList<>();
    for (String name : database.listCollectionNames()) {
      for (Document document : database.getCollection(name).find()) {
        if (document.toJson().contains(needle)) {
          where.add(name + "/" + document.get("_id"));
        }
      }
    }
    return where;
  }
}
