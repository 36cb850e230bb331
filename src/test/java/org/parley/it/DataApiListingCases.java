package org.parley.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.DataApiClient.READER;
import static org.parley.it.DataApiClient.WRITER;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /data} on a generated data set: exact totals for every filter, and paging that yields
 * each consented dialog once, in order. The store is shared with the other ITs: filters over every
 * customer are checked against what the store holds, this run's customers against what the test
 * wrote.
 */
abstract class DataApiListingCases {

  private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"([a-z]+)\"");

  /** This run's customers: the store is shared, so the test's data is scoped, never wiped. */
  private static final String RUN = "list" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  private static final List<String> CUSTOMERS = List.of(RUN + "-a", RUN + "-b", RUN + "-c");
  private static final List<String> LANGUAGES = List.of("en", "de", "fr");

  record Generated(String id, String customer, String language, boolean consent, Instant updated) {}

  @Test
  void everyFilterGivesExactTotalsAndPagingYieldsEachConsentedDialogOnceInOrder() {
    List<Generated> generated = generate(61);
    String b = CUSTOMERS.get(1);
    String c = CUSTOMERS.get(2);

    // filters over every customer: the expected list is what the store holds
    check("", stored(new Document()));
    check("language=DE", stored(eq("language", "DE")));
    check("language=fr", stored(eq("language", "FR")));
    // this run's customers: the expected list is what the test wrote
    check("customerId=" + b, written(generated, dialog -> dialog.customer().equals(b)));
    check(
        "customerId=" + c + "&language=en",
        written(
            generated, dialog -> dialog.customer().equals(c) && dialog.language().equals("EN")));
    check("customerId=" + RUN + "-nobody", List.of());
  }

  /** The consented dialogs the store holds that match, newest data first, then by id. */
  private static List<String> stored(Bson filter) {
    return TestDocumentStore.database()
        .getCollection("dialogs")
        .find(Filters.and(Filters.eq("consent", true), filter))
        .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id")))
        .into(new ArrayList<>())
        .stream()
        .map(document -> document.getString("_id"))
        .toList();
  }

  /** The consented dialogs this test wrote that match, in the DataAPI's order. */
  private static List<String> written(List<Generated> generated, Predicate<Generated> matches) {
    return generated.stream()
        .filter(Generated::consent)
        .filter(matches)
        .sorted(Comparator.comparing(Generated::updated).reversed().thenComparing(Generated::id))
        .map(Generated::id)
        .toList();
  }

  @Test
  void aPageBeyondTheLastIsEmptyWithTheTotalAndAPreviousLink() {
    WRITER.postText(RUN + "-beyond", RUN + "-beyond-d", "hi", "en");
    WRITER.consent(RUN + "-beyond-d", "true");

    HttpResponse<String> response =
        READER.get("/data?customerId=" + RUN + "-beyond&page=5&size=10");

    assertEquals(200, response.statusCode());
    JsonObject page = Http.json(response);
    assertEquals(0, page.getJsonArray("items").size());
    assertEquals(1, page.getInt("total"));
    assertEquals(5, page.getInt("page"));
    assertEquals(10, page.getInt("size"));
    assertTrue(links(response).containsKey("prev"));
    assertFalse(links(response).containsKey("next"));
  }

  private static List<Generated> generate(int count) {
    List<Generated> generated = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String customer = CUSTOMERS.get(i % CUSTOMERS.size());
      String language = LANGUAGES.get((i / 3) % LANGUAGES.size());
      String id = String.format(Locale.ROOT, "%s-%03d", RUN, i);
      HttpResponse<String> first = WRITER.postText(customer, id, "first of " + id, "it");
      assertEquals(201, first.statusCode(), first.body());
      JsonObject dialog = Http.json(WRITER.postText(customer, id, "then " + language, language));
      boolean consent = i % 5 != 0;
      if (consent) {
        assertEquals(204, WRITER.consent(id, "true").statusCode());
      }
      generated.add(
          new Generated(
              id,
              customer,
              language.toUpperCase(Locale.ROOT),
              consent,
              Instant.parse(dialog.getString("updatedAt"))));
    }
    return generated;
  }

  /** Pages through {@code /data?filter} by its next links and compares with {@code expected}. */
  private static void check(String filter, List<String> expected) {
    List<String> seen = new ArrayList<>();
    String next = "/data?size=7" + (filter.isEmpty() ? "" : "&" + filter);
    int pageNumber = 0;
    while (next != null) {
      HttpResponse<String> response = READER.get(next);
      assertEquals(200, response.statusCode(), response.body());
      JsonObject page = Http.json(response);
      pageNumber++;
      assertEquals(pageNumber, page.getInt("page"), filter);
      assertEquals(7, page.getInt("size"));
      assertEquals(expected.size(), page.getInt("total"), "total for '" + filter + "'");
      for (JsonValue item : page.getJsonArray("items")) {
        JsonObject dialog = item.asJsonObject();
        assertTrue(dialog.getBoolean("consent"), "only consented dialogs are listed");
        if (dialog.getString("dialogId").matches(RUN + "-[0-9]{3}")) {
          assertEquals(2, dialog.getJsonArray("messages").size(), "with their messages");
        }
        seen.add(dialog.getString("dialogId"));
      }
      var links = links(response);
      assertEquals(pageNumber > 1, links.containsKey("prev"), "prev link on page " + pageNumber);
      next = Optional.ofNullable(links.get("next")).orElse(null);
      assertTrue(pageNumber <= expected.size() / 7 + 1, "paging must end");
    }
    assertEquals(
        expected, seen, "each matching dialog once, newest data first, for '" + filter + "'");
  }

  private static java.util.Map<String, String> links(HttpResponse<String> response) {
    java.util.Map<String, String> links = new java.util.HashMap<>();
    for (String header : response.headers().allValues("Link")) {
      Matcher matcher = LINK.matcher(header);
      while (matcher.find()) {
        links.put(matcher.group(2), matcher.group(1));
      }
    }
    return links;
  }
}
