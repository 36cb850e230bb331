package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.domain.model.dialog.ConversationQueries;
import org.parley.domain.model.dialog.ConversationQueries.ConsentState;
import org.parley.domain.model.dialog.ConversationQueries.ConversationFilter;
import org.parley.domain.model.dialog.ConversationQueries.Cursor;
import org.parley.domain.model.dialog.ConversationQueries.DialogSummary;
import org.parley.domain.model.dialog.ConversationQueries.Direction;
import org.parley.infrastructure.persistence.mongodb.MongoDocumentStore;

/**
 * Runs inside the deployed WAR: the console's list pages through dialogs whose last activity is
 * spread from seconds to years back (so the query's activity windows have to widen) and ties on the
 * same millisecond, both ways, and every page joins up to exactly the whole list in order.
 */
@ExtendWith(ArquillianExtension.class)
class ConversationQueriesIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war().addClass(ConversationQueriesIT.class);
  }

  @Inject ConversationQueries queries;
  @Inject MongoDocumentStore store;

  @Test
  void pagesWalkedOlderAndBackNewerJoinUpToTheWholeListInOrder() {
    String channel = "it-" + UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long[] agesInMinutes = {
      0, 0, 0, 1, 5, 59, 61, 120, 900, 1_000, 1_440, 10_000, 20_000, 100_000, 300_000, 525_600,
      1_000_000
    };
    List<Document> documents = new ArrayList<>();
    for (int i = 0; i < agesInMinutes.length; i++) {
      for (int copy = 0; copy < 2; copy++) { // two dialogs on the same millisecond each time
        Instant at = now.minus(Duration.ofMinutes(agesInMinutes[i]));
        documents.add(
            new Document("_id", channel + "-" + i + "-" + copy)
                .append("customerId", "it-customer-" + (i % 3))
                .append("channel", channel)
                .append("language", i % 2 == 0 ? "EN" : "DE")
                .append("consent", i % 4 == 0)
                .append("status", i % 4 == 1 ? "AWAITING_CONSENT" : "OPEN")
                .append("createdAt", Date.from(at.minusSeconds(60)))
                .append("updatedAt", Date.from(at))
                .append("messageCount", 1L));
      }
    }
    store.database().getCollection("dialogs").insertMany(documents);
    List<String> expected =
        documents.stream()
            .sorted(
                Comparator.comparing((Document d) -> d.getDate("updatedAt"))
                    .reversed()
                    .thenComparing(d -> d.getString("_id")))
            .map(d -> d.getString("_id"))
            .toList();
    ConversationFilter byChannel = filter(channel, Optional.empty());

    for (int size : new int[] {1, 4, 7, 34, 50}) {
      List<String> walked = new ArrayList<>();
      List<DialogSummary> page =
          queries.dialogs(byChannel, Optional.empty(), Direction.OLDER, size);
      while (!page.isEmpty()) {
        page.forEach(d -> walked.add(d.id()));
        page =
            queries.dialogs(
                byChannel, Optional.of(cursor(page, page.size() - 1)), Direction.OLDER, size);
      }
      assertEquals(expected, walked, "older, pages of " + size);

      List<String> back = new ArrayList<>();
      Cursor last = new Cursor(Instant.EPOCH, "~"); // older than everything
      page = queries.dialogs(byChannel, Optional.of(last), Direction.NEWER, size);
      while (!page.isEmpty()) {
        List<String> ids = new ArrayList<>(page.stream().map(DialogSummary::id).toList());
        Collections.reverse(ids);
        back.addAll(ids);
        page = queries.dialogs(byChannel, Optional.of(cursor(page, 0)), Direction.NEWER, size);
      }
      Collections.reverse(back);
      assertEquals(expected, back, "newer, pages of " + size);
    }

    List<DialogSummary> awaiting =
        queries.dialogs(
            filter(channel, Optional.of(ConsentState.AWAITING)),
            Optional.empty(),
            Direction.OLDER,
            100);
    assertEquals(
        expected.stream()
            .filter(id -> Integer.parseInt(id.split("-")[id.split("-").length - 2]) % 4 == 1)
            .toList(),
        awaiting.stream().map(DialogSummary::id).toList(),
        "only the dialogs awaiting consent, in order");
    awaiting.forEach(d -> assertEquals(ConsentState.AWAITING, d.consent()));
  }

  private static Cursor cursor(List<DialogSummary> page, int index) {
    return new Cursor(page.get(index).updatedAt(), page.get(index).id());
  }

  private static ConversationFilter filter(String channel, Optional<ConsentState> consent) {
    return new ConversationFilter(
        Optional.of(channel),
        Optional.empty(),
        Optional.empty(),
        consent,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
