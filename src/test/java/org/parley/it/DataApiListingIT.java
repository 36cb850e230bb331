package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.DataApiClient.READER;
import static org.parley.it.DataApiClient.WRITER;

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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /data} on a generated data set: exact totals for every filter, and paging that yields
 * each consented dialog once, in order. Starts from empty collections, so totals are this test's
 * own.
 */
@ExtendWith(ArquillianExtension.class)
class DataApiListingIT {

  private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"([a-z]+)\"");
  private static final List<String> CUSTOMERS = List.of("list-a", "list-b", "list-c");
  private static final List<String> LANGUAGES = List.of("en", "de", "fr");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  record Generated(String id, String customer, String language, boolean consent, Instant updated) {}

  @Test
  void everyFilterGivesExactTotalsAndPagingYieldsEachConsentedDialogOnceInOrder() {
    DataApiIT.dialogs().deleteMany(new Document());
    DataApiIT.messages().deleteMany(new Document());
    List<Generated> generated = generate(61);

    check(generated, "", dialog -> true);
    check(generated, "language=DE", dialog -> dialog.language().equals("DE"));
    check(generated, "language=fr", dialog -> dialog.language().equals("FR"));
    check(generated, "customerId=list-b", dialog -> dialog.customer().equals("list-b"));
    check(
        generated,
        "customerId=list-c&language=en",
        dialog -> dialog.customer().equals("list-c") && dialog.language().equals("EN"));
    check(generated, "customerId=nobody", dialog -> false);
  }

  @Test
  void aPageBeyondTheLastIsEmptyWithTheTotalAndAPreviousLink() {
    WRITER.postText("beyond-c", "beyond-d", "hi", "en");
    WRITER.consent("beyond-d", "true");

    HttpResponse<String> response = READER.get("/data?customerId=beyond-c&page=5&size=10");

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
      String id = String.format(Locale.ROOT, "list-%03d", i);
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

  /** Pages through {@code /data?filter} by its next links and compares with the generated set. */
  private static void check(
      List<Generated> generated, String filter, Predicate<Generated> matches) {
    List<String> expected =
        generated.stream()
            .filter(Generated::consent)
            .filter(matches)
            .sorted(
                Comparator.comparing(Generated::updated).reversed().thenComparing(Generated::id))
            .map(Generated::id)
            .toList();

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
        assertEquals(2, dialog.getJsonArray("messages").size(), "with their messages");
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
