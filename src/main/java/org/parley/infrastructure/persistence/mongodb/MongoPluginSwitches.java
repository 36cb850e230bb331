package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.parley.plugin.internal.PluginSwitches;

/**
 * The plugins' switches in {@code plugin_switches}, one document per plugin an admin has touched
 * ({@code _id} = the plugin's name). No customer data.
 */
@ApplicationScoped
public class MongoPluginSwitches implements PluginSwitches {

  @Inject MongoDocumentStore store;

  @Override
  public Set<String> closed() {
    Set<String> closed = new HashSet<>();
    collection()
        .find(eq("connected", false))
        .forEach(document -> closed.add(document.getString("_id")));
    return closed;
  }

  @Override
  public void record(String plugin, boolean connected) {
    collection()
        .replaceOne(
            eq("_id", plugin),
            new Document("_id", plugin).append("connected", connected).append("at", new Date()),
            new ReplaceOptions().upsert(true));
  }

  private MongoCollection<Document> collection() {
    return store.database().getCollection(DialogDocuments.PLUGIN_SWITCHES);
  }
}
