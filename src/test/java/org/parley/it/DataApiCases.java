package org.parley.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.DataApiClient.ADMIN;
import static org.parley.it.DataApiClient.ANONYMOUS;
import static org.parley.it.DataApiClient.READER;
import static org.parley.it.DataApiClient.WRITER;
import static org.parley.it.Problems.assertProblem;

import com.mongodb.client.MongoCollection;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DataAPI over HTTP, with every stored effect checked in the store itself. */
abstract class DataApiCases {

  @Test
  void aNewDialogIsCreatedUnconsentedAndFurtherTextsContinueIt() {
    String customer = unique("telegram");
    String dialog = unique("d");

    HttpResponse<String> created = WRITER.postText(customer, dialog, "Where is my parcel?", "en");

    assertEquals(201, created.statusCode(), created.body());
    assertEquals(
        TestEnvironment.http("/data/" + customer + "/" + dialog).toString(),
        created.headers().firstValue("Location").orElseThrow());
    JsonObject first = Http.json(created);
    assertEquals(dialog, first.getString("dialogId"));
    assertEquals(customer, first.getString("customerId"));
    assertFalse(first.getBoolean("consent"), "every dialog starts without consent");
    assertEquals("EN", first.getString("language"), "stored upper case");
    assertEquals(1, first.getJsonArray("messages").size());
    assertEquals(first.getString("createdAt"), first.getString("updatedAt"));
    assertTrue(first.getString("createdAt").endsWith("Z"), "ISO-8601 UTC");

    HttpResponse<String> continued = WRITER.postText(customer, dialog, "Danke!", "De");

    assertEquals(200, continued.statusCode(), continued.body());
    JsonObject second = Http.json(continued);
    assertEquals("DE", second.getString("language"), "the dialog speaks its latest language");
    JsonArray messages = second.getJsonArray("messages");
    assertEquals(2, messages.size());
    assertEquals("Where is my parcel?", messages.getJsonObject(0).getString("text"));
    assertEquals(1, messages.getJsonObject(0).getInt("seq"));
    assertEquals("EN", messages.getJsonObject(0).getString("language"));
    assertEquals("Danke!", messages.getJsonObject(1).getString("text"));
    assertEquals(2, messages.getJsonObject(1).getInt("seq"));

    Document stored = dialogs().find(eq("_id", dialog)).first();
    assertEquals(customer, stored.getString("customerId"));
    assertEquals(Boolean.FALSE, stored.getBoolean("consent"));
    assertEquals("DE", stored.getString("language"));
    assertEquals(2L, stored.get("messageCount", Number.class).longValue());
    assertInstanceOf(Date.class, stored.get("createdAt"), stored.toJson());
    assertInstanceOf(Date.class, stored.get("updatedAt"), stored.toJson());
    assertTrue(stored.getDate("updatedAt").after(stored.getDate("createdAt")));
    List<Document> storedMessages = messagesOf(dialog);
    assertEquals(2, storedMessages.size());
    assertEquals(List.of(1L, 2L), storedMessages.stream().map(m -> seq(m)).toList());
    assertInstanceOf(Date.class, storedMessages.get(0).get("createdAt"));
  }

  @Test
  void aDialogIdOfAnotherCustomerIsAConflictAndChangesNothing() {
    String dialog = unique("d");
    String owner = unique("owner");
    WRITER.postText(owner, dialog, "mine", "en");

    HttpResponse<String> response = WRITER.postText(unique("intruder"), dialog, "yours?", "fr");

    assertProblem(response, 409, "dialog-id-taken", "dialogId");
    Document stored = dialogs().find(eq("_id", dialog)).first();
    assertEquals(owner, stored.getString("customerId"));
    assertEquals("EN", stored.getString("language"), "untouched");
    assertEquals(1L, stored.get("messageCount", Number.class).longValue());
    assertEquals(1, messagesOf(dialog).size());
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeyIsStoredOnce() {
    String customer = unique("c");
    String dialog = unique("d");
    String body = "{\"text\": \"once\", \"language\": \"en\"}";
    String path = "/data/" + customer + "/" + dialog;

    HttpResponse<String> first = WRITER.post(path, body, "key-1");
    Date updatedOnce = dialogs().find(eq("_id", dialog)).first().getDate("updatedAt");
    HttpResponse<String> retry = WRITER.post(path, body, "key-1");
    assertEquals(
        updatedOnce,
        dialogs().find(eq("_id", dialog)).first().getDate("updatedAt"),
        "a retry leaves the dialog as it was");
    HttpResponse<String> again = WRITER.post(path, body, "key-1");
    HttpResponse<String> other = WRITER.post(path, body, "key-2");

    assertEquals(201, first.statusCode());
    assertEquals(200, retry.statusCode());
    assertEquals(1, Http.json(retry).getJsonArray("messages").size());
    assertEquals(200, again.statusCode());
    assertEquals(200, other.statusCode());
    assertEquals(2, messagesOf(dialog).size(), "key-1 once, key-2 once");
    assertEquals(
        2L,
        dialogs().find(eq("_id", dialog)).first().get("messageCount", Number.class).longValue());
  }

  @Test
  void concurrentTextsToOneDialogAreAllStoredWithDistinctNumbers() throws Exception {
    String customer = unique("c");
    String dialog = unique("d");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<HttpResponse<String>>> distinct =
          IntStream.range(0, 24)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> WRITER.postText(customer, dialog, "text " + i, "en"), pool))
              .toList();
      List<CompletableFuture<HttpResponse<String>>> sameKey =
          IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              WRITER.post(
                                  "/data/" + customer + "/" + dialog,
                                  "{\"text\": \"retried\", \"language\": \"en\"}",
                                  "the-same-key"),
                          pool))
              .toList();
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> f : distinct) {
        statuses.add(f.get().statusCode());
      }
      for (CompletableFuture<HttpResponse<String>> f : sameKey) {
        statuses.add(f.get().statusCode());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(31, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }

    List<Document> stored = messagesOf(dialog);
    assertEquals(25, stored.size(), "24 distinct texts and the retried one once");
    // the text is sealed at rest (EncryptionIT): the retried one is the message stored under
    // (a digest of) its Idempotency-Key, the others under random ids
    assertEquals(
        1,
        stored.stream()
            .filter(m -> m.getString("_id").matches(Pattern.quote(dialog) + "/k[0-9a-f]{32}"))
            .count(),
        stored.stream().map(m -> m.getString("_id")).toList().toString());
    Set<Long> seqs = new HashSet<>(stored.stream().map(DataApiCases::seq).toList());
    assertEquals(25, seqs.size(), "no number given twice");
    assertEquals(
        25L,
        dialogs().find(eq("_id", dialog)).first().get("messageCount", Number.class).longValue());
  }

  @Test
  void consentTrueShowsTheDialogAndConsentFalseDeletesEverythingOfIt() {
    String customer = unique("c");
    String dialog = unique("d");
    WRITER.postText(customer, dialog, "first", "en");
    WRITER.postText(customer, dialog, "second", "en");
    String path = "/data/" + customer + "/" + dialog;

    assertProblem(READER.get(path), 404, "dialog-not-found", "dialogId");

    assertEquals(204, WRITER.consent(dialog, "true").statusCode());
    assertEquals(204, WRITER.consent(dialog, " true ").statusCode(), "repeating is harmless");
    HttpResponse<String> visible = READER.get(path);
    assertEquals(200, visible.statusCode());
    assertTrue(Http.json(visible).getBoolean("consent"));
    assertEquals(2, Http.json(visible).getJsonArray("messages").size());
    assertEquals(2, messagesOf(dialog).size(), "consent keeps every message");

    assertEquals(204, WRITER.consent(dialog, "false").statusCode());

    assertProblem(READER.get(path), 404, "dialog-not-found", "dialogId");
    assertEquals(0, dialogs().countDocuments(eq("_id", dialog)));
    assertEquals(0, messages().countDocuments(eq("dialogId", dialog)));
    assertEquals(0, messages().countDocuments(eq("customerId", customer)));
    assertProblem(WRITER.consent(dialog, "true"), 404, "dialog-not-found", "dialogId");
  }

  @Test
  void refusingConsentRightAwayDeletesTheDialog() {
    String customer = unique("c");
    String dialog = unique("d");
    WRITER.postText(customer, dialog, "forget me", "en");

    assertEquals(204, WRITER.consent(dialog, "false").statusCode());

    assertEquals(0, dialogs().countDocuments(eq("_id", dialog)));
    assertEquals(0, messages().countDocuments(eq("dialogId", dialog)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing text            | {"language": "en"}                    | 400 | invalid-input  | text
          blank text              | {"text": " \\t ", "language": "en"}   | 400 | invalid-input  | text
          non-string text         | {"text": 42, "language": "en"}        | 400 | invalid-input  | text
          array text              | {"text": ["a"], "language": "en"}     | 400 | invalid-input  | text
          missing language        | {"text": "hi"}                        | 400 | invalid-input  | language
          unknown language        | {"text": "hi", "language": "xx"}      | 400 | invalid-input  | language
          three-letter language   | {"text": "hi", "language": "eng"}     | 400 | invalid-input  | language
          non-string language     | {"text": "hi", "language": 7}         | 400 | invalid-input  | language
          malformed JSON          | {"text": "hi",                        | 400 | malformed-json | body
          not an object           | ["hi", "en"]                          | 400 | invalid-input  | body
          empty body              | ''                                    | 400 | malformed-json | body
          """)
  void badBodiesAreRefusedByNameAndStoreNothing(
      String label, String body, int status, String type, String field) {
    String customer = unique("c");
    String dialog = unique("d");

    HttpResponse<String> response = WRITER.post("/data/" + customer + "/" + dialog, body, null);

    assertProblem(response, status, type, field);
    assertEquals(0, dialogs().countDocuments(eq("_id", dialog)), label);
    assertEquals(0, messages().countDocuments(eq("dialogId", dialog)), label);
  }

  @Test
  void aTextOverTheLimitOrABodyOver64KiBIsRefused() {
    String dialog = unique("d");
    String path = "/data/" + unique("c") + "/" + dialog;

    assertProblem(
        WRITER.post(path, "{\"text\": \"" + "x".repeat(4097) + "\", \"language\": \"en\"}", null),
        400,
        "invalid-input",
        "text");
    assertEquals(
        201,
        WRITER
            .post(path, "{\"text\": \"" + "é".repeat(4096) + "\", \"language\": \"en\"}", null)
            .statusCode(),
        "4096 characters is allowed, however many bytes they take");
    assertProblem(
        WRITER.post(path, "{\"text\": \"" + "x".repeat(70_000) + "\", \"language\": \"en\"}", null),
        413,
        "payload-too-large",
        "body");
    assertEquals(1, messagesOf(dialog).size());
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
    String dialog = unique("d");
    HttpResponse<String> response =
        WRITER.post("/data/" + unique("c") + "/" + dialog, "hello", "text/plain", null);

    assertEquals(415, response.statusCode());
    assertEquals("application/problem+json", Http.contentType(response));
    assertEquals(0, dialogs().countDocuments(eq("_id", dialog)));
  }

  @ParameterizedTest
  @CsvSource({
    "bad%20id, d1, customerId",
    "c1, d%2F1, dialogId",
    "c1, dialog!, dialogId",
    "c1, "
        + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, dialogId"
  })
  void idsOutsideTheAllowedAlphabetOrLengthAreRefused(
      String customer, String dialog, String field) {
    HttpResponse<String> response = WRITER.postText(customer, dialog, "hi", "en");

    assertProblem(response, 400, "invalid-input", field);
  }

  @Test
  void consentBodiesMustBeBooleans() {
    String dialog = unique("d");
    WRITER.postText(unique("c"), dialog, "hi", "en");

    for (String body : List.of("\"true\"", "1", "{\"consent\": true}", "null", "yes")) {
      HttpResponse<String> response = WRITER.consent(dialog, body);
      assertEquals(400, response.statusCode(), body);
      assertEquals("application/problem+json", Http.contentType(response), body);
    }
    assertEquals(Boolean.FALSE, dialogs().find(eq("_id", dialog)).first().getBoolean("consent"));
  }

  @Test
  void eachRoleMayDoOnlyItsOwnOperations() {
    String customer = unique("c");
    String dialog = unique("d");
    String path = "/data/" + customer + "/" + dialog;
    String body = "{\"text\": \"hi\", \"language\": \"en\"}";

    assertEquals(401, ANONYMOUS.post(path, body, null).statusCode());
    assertEquals(401, DataApiClient.as("writer", "wrong").post(path, body, null).statusCode());
    assertProblem(READER.post(path, body, null), 403, "forbidden", null);
    assertEquals(0, dialogs().countDocuments(eq("_id", dialog)), "nothing stored by the refused");

    assertEquals(201, WRITER.post(path, body, null).statusCode());
    assertEquals(401, ANONYMOUS.get("/data").statusCode());
    assertProblem(WRITER.get("/data"), 403, "forbidden", null);
    assertProblem(READER.consent(dialog, "true"), 403, "forbidden", null);
    assertProblem(READER.delete(path), 403, "forbidden", null);
    assertProblem(WRITER.delete(path), 403, "forbidden", null);
    assertEquals(401, ANONYMOUS.delete("/data/" + customer).statusCode());
    assertEquals(1, dialogs().countDocuments(eq("_id", dialog)), "still there");

    assertEquals(204, ADMIN.delete(path).statusCode());
  }

  @Test
  void erasingADialogOrACustomerLeavesNothingOfThemAndNothingElseGoes() {
    String customer = unique("c");
    String bystander = unique("c");
    WRITER.postText(customer, "e1-" + customer, "one", "en");
    WRITER.postText(customer, "e1-" + customer, "two", "en");
    WRITER.postText(customer, "e2-" + customer, "three", "en");
    WRITER.postText(customer, "e3-" + customer, "four", "en");
    WRITER.postText(bystander, "e1-" + bystander, "stay", "en");

    assertEquals(204, ADMIN.delete("/data/" + customer + "/e1-" + customer).statusCode());
    assertEquals(0, dialogs().countDocuments(eq("_id", "e1-" + customer)));
    assertEquals(0, messages().countDocuments(eq("dialogId", "e1-" + customer)));
    assertEquals(2, dialogs().countDocuments(eq("customerId", customer)));
    assertProblem(
        ADMIN.delete("/data/" + customer + "/e1-" + customer), 404, "dialog-not-found", "dialogId");
    assertProblem(
        ADMIN.delete("/data/" + bystander + "/e2-" + customer),
        404,
        "dialog-not-found",
        "dialogId");
    assertEquals(1, dialogs().countDocuments(eq("_id", "e2-" + customer)), "not the bystander's");

    assertEquals(204, ADMIN.delete("/data/" + customer).statusCode());
    assertEquals(0, dialogs().countDocuments(eq("customerId", customer)));
    assertEquals(0, messages().countDocuments(eq("customerId", customer)));
    assertProblem(ADMIN.delete("/data/" + customer), 404, "customer-not-found", "customerId");

    assertEquals(1, dialogs().countDocuments(eq("customerId", bystander)));
    assertEquals(1, messages().countDocuments(eq("customerId", bystander)));
  }

  @Test
  void theStoreHasAnIndexForEveryListingAndForMessageOrder() {
    WRITER.postText(unique("c"), unique("d"), "make sure the collections exist", "en");

    Set<String> dialogIndexes = new HashSet<>();
    dialogs().listIndexes().forEach(index -> dialogIndexes.add(index.getString("name")));
    assertTrue(
        dialogIndexes.containsAll(
            Set.of(
                "consent_updated",
                "consent_language_updated",
                "consent_customer_updated",
                "consent_customer_language_updated",
                "customer",
                "consent_created")),
        dialogIndexes.toString());
    Document dialogSeq = null;
    for (Document index : messages().listIndexes()) {
      if (index.getString("name").equals("dialog_seq")) {
        dialogSeq = index;
      }
    }
    assertTrue(
        dialogSeq != null && dialogSeq.getBoolean("unique", false), String.valueOf(dialogSeq));
  }

  @Test
  void theOpenApiDocumentDescribesTheDataApi() {
    JsonObject openapi = Http.json(Http.get(TestEnvironment.http("/openapi?format=JSON")));
    JsonObject paths = openapi.getJsonObject("paths");

    JsonObject post = paths.getJsonObject("/data/{customerId}/{dialogId}").getJsonObject("post");
    for (String status : List.of("200", "201", "400", "401", "403", "409", "413", "415")) {
      assertTrue(post.getJsonObject("responses").containsKey(status), "POST data " + status);
    }
    assertTrue(post.containsKey("requestBody"));
    assertTrue(paths.getJsonObject("/data").containsKey("get"));
    assertTrue(paths.getJsonObject("/data/{customerId}").containsKey("delete"));
    assertTrue(paths.getJsonObject("/consents/{dialogId}").containsKey("post"));
    JsonObject components = openapi.getJsonObject("components");
    assertEquals(
        "basic",
        components.getJsonObject("securitySchemes").getJsonObject("basic").getString("scheme"));
    assertTrue(components.getJsonObject("schemas").containsKey("Dialog"));
    assertTrue(components.getJsonObject("schemas").containsKey("Problem"));
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  static MongoCollection<Document> dialogs() {
    return TestDocumentStore.database().getCollection("dialogs");
  }

  static MongoCollection<Document> messages() {
    return TestDocumentStore.database().getCollection("messages");
  }

  static List<Document> messagesOf(String dialogId) {
    return messages()
        .find(eq("dialogId", dialogId))
        .sort(new Document("seq", 1))
        .into(new ArrayList<>());
  }

  static long seq(Document message) {
    return message.get("seq", Number.class).longValue();
  }
}
