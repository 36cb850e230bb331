package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.interfaces.webhook.Signatures;

/**
 * Hostile requests to every public endpoint, generated: the DataAPI, consents, the three webhooks
 * (correctly signed, broken bodies), the web chat, the plugins API and the console login. Each is
 * answered, within 30 s, below 500, as problem+json on the JSON APIs (a webhook may also answer
 * "ignored" as its platform's contract says), with no Java class name or stack trace in the body.
 * Then a valid message is sent and answered, and only after it has arrived does the test look for
 * what must be absent: no queue holds anything, no platform stand-in was called but for that
 * message, and no collection of the store gained a document that is not that message's (a refused
 * console sign-in is audited, on purpose).
 */
@ExtendWith(ArquillianExtension.class)
class BadInputCorpusIT {

  private static final String WRITER = basic("writer", "dev-writer-password");
  private static final String READER = basic("reader", "dev-reader-password");
  private static final String DATA_ADMIN = basic("data-admin", "dev-data-admin-password");
  private static final String OPERATOR = basic("operator", "dev-operator-password");

  /** Every kind of JSON value, and the edges of numbers. */
  private static final List<String> NOT_STRING =
      List.of("0", "1.5", "true", "[]", "{}", "[null]", "-1e999999999");

  private static final List<String> NOT_NUMBER =
      List.of(
          "\"1\"",
          "\"\"",
          "true",
          "[]",
          "{}",
          "1e999999999",
          "1.5",
          "123456789012345678901234567890");
  private static final List<String> NOT_OBJECT = List.of("\"x\"", "1", "[]", "true");
  private static final List<String> NOT_ARRAY = List.of("\"x\"", "1", "{}", "true");
  private static final List<String> MISSING = List.of("<remove>", "null");

  private static final Pattern JAVA_TRACE =
      Pattern.compile(
          "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\b(java|javax|org|io|com|sun)\\.[a-z]\\w*\\.[\\w.]*"
              + "(Exception|Error)\\b|org\\.parley\\.|Caused by:|\\w+Exception:");

  /** What a case must be answered with. */
  enum Kind {
    /** A JSON API: a 4xx problem+json. */
    JSON_API,
    /** A platform webhook: a 4xx problem+json, or 200 where the platform's contract ignores it. */
    WEBHOOK,
    /** A console page: anything below 500, no trace. */
    PAGE
  }

  record Case(
      String group,
      Kind kind,
      String method,
      String target,
      Map<String, String> headers,
      byte[] body) {}

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Test
  void everyHostileRequestIsRefusedAndLeavesNothingBehind() {
    awaitQueuesDrained();
    Map<String, Long> dlqBefore = BrokerQueues.depths();
    Map<String, Set<Object>> before = idsByCollection();
    int platformCallsBefore = FakePlatforms.calls(call -> true).size();

    List<Case> cases = corpus();
    assertTrue(cases.size() >= 500, cases.size() + " cases");
    List<String> failures = new ArrayList<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    for (Case c : cases) {
      RawHttp.Answer answer;
      try {
        answer = RawHttp.send(c.method(), c.target(), c.headers(), c.body());
      } catch (RawHttp.Hang hang) {
        failures.add(c.group() + " " + c.target() + ": " + hang.getMessage());
        continue;
      }
      outcomes.merge(c.group() + " " + answer.status(), 1, Integer::sum);
      String wrong = wrong(c, answer);
      if (wrong != null) {
        failures.add(
            c.group()
                + " "
                + c.method()
                + " "
                + c.target()
                + " "
                + (c.body() == null
                    ? ""
                    : abbreviated(new String(c.body(), StandardCharsets.UTF_8)))
                + " -> "
                + answer.status()
                + " "
                + abbreviated(answer.body())
                + ": "
                + wrong);
      }
    }
    System.out.printf(
        "Bad-input corpus: %d cases; outcomes (endpoint status: count)%n", cases.size());
    outcomes.forEach((outcome, count) -> System.out.printf("  %-28s %4d%n", outcome, count));
    assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases");

    // something later arrives: a valid message is answered, then look for what must be absent
    long sentinel = 7_770_000_000L + (System.nanoTime() & 0xFFFFFF);
    assertEquals(200, Webhooks.telegram(Webhooks.telegramText(sentinel, 1, "hello")).statusCode());
    Await.await(
        "the sentinel message's answer",
        Duration.ofSeconds(60),
        () -> !FakePlatforms.calls(call -> toSentinel(call, sentinel)).isEmpty());
    awaitQueuesDrained();

    assertEquals(dlqBefore, BrokerQueues.depths(), "no queue gained a message");
    List<FakePlatforms.Call> newCalls = FakePlatforms.calls(call -> true);
    newCalls = newCalls.subList(platformCallsBefore, newCalls.size());
    assertTrue(
        newCalls.stream().allMatch(call -> toSentinel(call, sentinel)),
        "only the sentinel's answer reached a platform: " + newCalls);
    assertNothingStoredBut(before, String.valueOf(sentinel));
  }

  // ---- the corpus

  private static List<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    dataApi(cases);
    consents(cases);
    messenger(cases);
    whatsapp(cases);
    slack(cases);
    telegram(cases);
    webChat(cases);
    plugins(cases);
    console(cases);
    return cases;
  }

  private static void dataApi(List<Case> cases) {
    String valid = "{\"text\":\"corpus text\",\"language\":\"en\"}";
    String path = "/data/corpus-c/corpus-d";
    List<String> bodies = new ArrayList<>();
    bodies.addAll(
        corrupted(valid, "/text", concat(NOT_STRING, MISSING, List.of("\"\"", "\"  \""))));
    bodies.add(valid.replace("corpus text", "a".repeat(4097)));
    bodies.addAll(
        corrupted(
            valid,
            "/language",
            concat(NOT_STRING, MISSING, List.of("\"\"", "\"xx\"", "\"eng\"", "\"e n\""))));
    bodies.addAll(structuralRefusals(valid));
    for (String body : bodies) {
      cases.add(json("data", "POST", path, WRITER, body));
    }
    cases.add(json("data", "POST", path, WRITER, "{\"text\":\"" + "a".repeat(70_000) + "\"}"));
    Map<String, String> plain = Map.of("Authorization", WRITER, "Content-Type", "text/plain");
    cases.add(new Case("data", Kind.JSON_API, "POST", path, plain, utf8(valid)));
    cases.add(
        new Case(
            "data", Kind.JSON_API, "POST", path, Map.of("Authorization", WRITER), utf8(valid)));
    for (String id : hostileIds()) {
      cases.add(json("data", "POST", "/data/" + id + "/corpus-d", WRITER, valid));
      cases.add(json("data", "POST", "/data/corpus-c/" + id, WRITER, valid));
      cases.add(json("data", "GET", "/data/corpus-c/" + id, READER, null));
      cases.add(json("data", "DELETE", "/data/" + id, DATA_ADMIN, null));
    }
    for (String key : List.of("a b", "\u007f", "x".repeat(256), "é", "\t")) {
      Map<String, String> headers = new LinkedHashMap<>(jsonHeaders(WRITER));
      headers.put("Idempotency-Key", key);
      cases.add(new Case("data", Kind.JSON_API, "POST", path, headers, utf8(valid)));
    }
    for (String authorization : hostileCredentials()) {
      cases.add(json("data", "POST", path, authorization, valid));
      cases.add(json("data", "GET", "/data", authorization, null));
    }
    cases.add(json("data", "POST", path, READER, valid)); // a reader may not write: 403
    for (String query :
        List.of(
            "page=abc",
            "page=-1",
            "page=0",
            "page=1.5",
            "page=99999999999",
            "page=",
            "size=0",
            "size=101",
            "size=abc",
            "size=-5",
            "size=1e3",
            "language=xx",
            "language=eng",
            "language=1",
            "language=",
            "customerId=a%20b",
            "customerId=%2F",
            "%ZZ=1",
            "page=%G0",
            "size=%",
            "a=%C3%28",
            "customerId=" + "c".repeat(129))) {
      cases.add(json("data", "GET", "/data?" + query, READER, null));
    }
  }

  private static void consents(List<Case> cases) {
    for (String body :
        List.of("\"true\"", "1", "null", "{}", "[]", "yes", "tru", "TRUE", "{\"consent\":true}")) {
      cases.add(json("consents", "POST", "/consents/corpus-d", WRITER, body));
    }
    cases.add(json("consents", "POST", "/consents/corpus-no-such-dialog", WRITER, "true"));
    cases.add(json("consents", "POST", "/consents/corpus-d", WRITER, nested(40)));
    for (String id : hostileIds()) {
      cases.add(json("consents", "POST", "/consents/" + id, WRITER, "false"));
    }
    for (String authorization : hostileCredentials()) {
      cases.add(json("consents", "POST", "/consents/corpus-d", authorization, "false"));
    }
  }

  private static void messenger(List<Case> cases) {
    String fixture = fixture("messenger-text.json");
    String event = "/entry/0/messaging/0";
    Map<String, List<String>> paths = new LinkedHashMap<>();
    paths.put("/object", List.of("\"Page\"", "\"user\"", "1", "null", "[]"));
    paths.put("/entry", concat(MISSING, NOT_ARRAY));
    paths.put("/entry/0", concat(List.of("null"), NOT_OBJECT));
    paths.put("/entry/0/messaging", NOT_ARRAY);
    paths.put(event, concat(List.of("null"), NOT_OBJECT));
    paths.put(event + "/sender", concat(MISSING, NOT_OBJECT));
    paths.put(event + "/sender/id", concat(MISSING, NOT_STRING));
    paths.put(event + "/timestamp", concat(MISSING, NOT_NUMBER));
    paths.put(event + "/message", NOT_OBJECT);
    paths.put(event + "/message/mid", concat(MISSING, NOT_STRING));
    paths.put(event + "/message/text", NOT_STRING);
    paths.put(event + "/message/is_echo", List.of("\"yes\"", "1", "{}"));
    paths.put(event + "/message/attachments", List.of("[]", "[null]", "[1]", "\"x\"", "{}"));
    for (String body : corruptedAll(fixture, paths)) {
      cases.add(messengerCase(body, true));
    }
    for (String body : structuralRefusals(fixture)) {
      cases.add(messengerCase(body, true));
    }
    cases.add(messengerCase(fixture, false)); // wrong signature
    Map<String, String> unsigned = Map.of("Content-Type", "application/json");
    cases.add(
        new Case(
            "messenger", Kind.WEBHOOK, "POST", "/webhooks/messenger", unsigned, utf8(fixture)));
    for (String query :
        List.of(
            "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
            "hub.mode=unsubscribe&hub.verify_token=it-messenger-verify-token&hub.challenge=1",
            "hub.mode=subscribe&hub.verify_token=it-messenger-verify-token",
            "hub.mode=%ZZ")) {
      cases.add(
          new Case(
              "messenger", Kind.WEBHOOK, "GET", "/webhooks/messenger?" + query, Map.of(), null));
    }
  }

  private static void whatsapp(List<Case> cases) {
    String value = "/entry/0/changes/0/value";
    String message = value + "/messages/0";
    String fixture = fixture("whatsapp-text.json");
    Map<String, List<String>> paths = new LinkedHashMap<>();
    paths.put("/object", List.of("\"page\"", "1", "null", "[]"));
    paths.put("/entry", concat(MISSING, NOT_ARRAY));
    paths.put("/entry/0", concat(List.of("null"), NOT_OBJECT));
    paths.put("/entry/0/changes", NOT_ARRAY);
    paths.put("/entry/0/changes/0", concat(List.of("null"), NOT_OBJECT));
    paths.put(value, concat(MISSING, NOT_OBJECT));
    paths.put(value + "/metadata", concat(MISSING, NOT_OBJECT));
    paths.put(value + "/metadata/phone_number_id", concat(MISSING, NOT_STRING));
    paths.put(value + "/messages", NOT_ARRAY);
    paths.put(message, concat(List.of("null"), NOT_OBJECT));
    paths.put(message + "/from", concat(MISSING, NOT_STRING));
    paths.put(message + "/id", concat(MISSING, NOT_STRING));
    paths.put(
        message + "/timestamp",
        concat(MISSING, NOT_STRING, List.of("\"soon\"", "\"-1\"", "\"99999999999999999999\"")));
    paths.put(message + "/type", concat(MISSING, NOT_STRING));
    paths.put(message + "/text", concat(MISSING, NOT_OBJECT));
    paths.put(message + "/text/body", concat(MISSING, NOT_STRING));
    for (String body : corruptedAll(fixture, paths)) {
      cases.add(whatsappCase(body, true));
    }
    String failed = fixture("whatsapp-status-failed.json");
    String status = value + "/statuses/0";
    Map<String, List<String>> statusPaths = new LinkedHashMap<>();
    statusPaths.put(value + "/statuses", NOT_ARRAY);
    statusPaths.put(status + "/status", concat(MISSING, NOT_STRING, List.of("\"lost\"")));
    statusPaths.put(status + "/id", concat(MISSING, NOT_STRING));
    statusPaths.put(status + "/errors", List.of("\"x\"", "1", "{}", "[null]", "[1]", "[{}]"));
    for (String body : corruptedAll(failed, statusPaths)) {
      cases.add(whatsappCase(body, true));
    }
    for (String body : structuralRefusals(fixture)) {
      cases.add(whatsappCase(body, true));
    }
    cases.add(whatsappCase(fixture, false)); // wrong signature
    cases.add(
        new Case(
            "whatsapp",
            Kind.WEBHOOK,
            "POST",
            "/webhooks/whatsapp",
            Map.of("Content-Type", "application/json"),
            utf8(fixture)));
    for (String query :
        List.of(
            "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
            "hub.mode=unsubscribe&hub.verify_token=it-whatsapp-verify-token&hub.challenge=1",
            "hub.mode=subscribe&hub.verify_token=it-whatsapp-verify-token",
            "hub.mode=%ZZ")) {
      cases.add(
          new Case("whatsapp", Kind.WEBHOOK, "GET", "/webhooks/whatsapp?" + query, Map.of(), null));
    }
  }

  private static Case whatsappCase(String body, boolean rightSignature) {
    return metaCase("whatsapp", Webhooks.WHATSAPP_APP_SECRET, body, rightSignature);
  }

  private static Case messengerCase(String body, boolean rightSignature) {
    return metaCase("messenger", Webhooks.MESSENGER_APP_SECRET, body, rightSignature);
  }

  /** A POST to one of Meta's webhooks, signed with its app secret or with another one. */
  private static Case metaCase(String channel, String secret, String body, boolean rightSignature) {
    byte[] bytes = utf8(body);
    String signature =
        "sha256=" + Signatures.hmacSha256Hex(rightSignature ? secret : "another-secret", bytes);
    return new Case(
        channel,
        Kind.WEBHOOK,
        "POST",
        "/webhooks/" + channel,
        Map.of("Content-Type", "application/json", "X-Hub-Signature-256", signature),
        bytes);
  }

  private static void slack(List<Case> cases) {
    String fixture = fixture("slack-message-im.json");
    Map<String, List<String>> paths = new LinkedHashMap<>();
    paths.put("/type", NOT_STRING);
    paths.put("/event", concat(MISSING, NOT_OBJECT));
    paths.put("/event/type", NOT_STRING);
    paths.put("/event/channel", concat(MISSING, NOT_STRING));
    paths.put(
        "/event/ts",
        concat(MISSING, NOT_STRING, List.of("\"abc\"", "\"1e999999999\"", "\"-1\"", "\"1.2.3\"")));
    paths.put("/event/user", concat(MISSING, NOT_STRING));
    paths.put("/event/text", NOT_STRING);
    paths.put("/event/client_msg_id", NOT_STRING);
    paths.put("/event/thread_ts", NOT_STRING);
    for (String body : corruptedAll(fixture, paths)) {
      cases.add(slackCase(body, Instant.now().getEpochSecond(), true));
    }
    for (String body : structuralRefusals(fixture)) {
      cases.add(slackCase(body, Instant.now().getEpochSecond(), true));
    }
    cases.add(slackCase(fixture, Instant.now().getEpochSecond() - 301, true)); // replayed
    cases.add(slackCase(fixture, Instant.now().getEpochSecond(), false));
    cases.add(
        new Case(
            "slack",
            Kind.WEBHOOK,
            "POST",
            "/webhooks/slack",
            Map.of("X-Slack-Signature", "v0=00", "X-Slack-Request-Timestamp", "soon"),
            utf8(fixture)));
  }

  private static Case slackCase(String body, long timestamp, boolean rightSignature) {
    byte[] bytes = utf8(body);
    String signature =
        "v0="
            + Signatures.hmacSha256Hex(
                rightSignature ? Webhooks.SLACK_SIGNING_SECRET : "another-secret",
                ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8),
                bytes);
    return new Case(
        "slack",
        Kind.WEBHOOK,
        "POST",
        "/webhooks/slack",
        Map.of(
            "Content-Type",
            "application/json",
            "X-Slack-Signature",
            signature,
            "X-Slack-Request-Timestamp",
            String.valueOf(timestamp)),
        bytes);
  }

  private static void telegram(List<Case> cases) {
    String fixture = fixture("telegram-text.json");
    Map<String, List<String>> paths = new LinkedHashMap<>();
    paths.put("/message", NOT_OBJECT);
    paths.put("/message/from", concat(MISSING, NOT_OBJECT));
    paths.put("/message/from/id", concat(MISSING, NOT_NUMBER));
    paths.put("/message/from/language_code", NOT_STRING);
    paths.put("/message/chat", concat(MISSING, NOT_OBJECT));
    paths.put("/message/chat/id", concat(MISSING, NOT_NUMBER));
    paths.put("/message/message_id", concat(MISSING, NOT_NUMBER));
    paths.put("/message/date", concat(MISSING, NOT_NUMBER, List.of("9223372036854775807")));
    paths.put("/message/text", NOT_STRING);
    paths.put("/message/photo", List.of("[]", "[null]", "[1]", "\"x\"", "{}", "[{}]"));
    for (String body : corruptedAll(fixture, paths)) {
      cases.add(telegramCase(body, Webhooks.TELEGRAM_SECRET));
    }
    for (String body : structuralRefusals(fixture)) {
      cases.add(telegramCase(body, Webhooks.TELEGRAM_SECRET));
    }
    String callback = fixture("telegram-callback-query.json");
    Map<String, List<String>> callbackPaths = new LinkedHashMap<>();
    callbackPaths.put("/callback_query", NOT_OBJECT);
    callbackPaths.put("/callback_query/id", concat(MISSING, NOT_STRING));
    callbackPaths.put("/callback_query/from", concat(MISSING, NOT_OBJECT));
    callbackPaths.put("/callback_query/message", concat(MISSING, NOT_OBJECT));
    callbackPaths.put("/callback_query/message/chat/id", concat(MISSING, NOT_NUMBER));
    callbackPaths.put("/callback_query/data", NOT_STRING);
    for (String body : corruptedAll(callback, callbackPaths)) {
      cases.add(telegramCase(body, Webhooks.TELEGRAM_SECRET));
    }
    cases.add(telegramCase(fixture, "not-the-secret"));
    cases.add(telegramCase(fixture, null));
  }

  private static Case telegramCase(String body, String secret) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (secret != null) {
      headers.put("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return new Case("telegram", Kind.WEBHOOK, "POST", "/webhooks/telegram", headers, utf8(body));
  }

  private static void webChat(List<Case> cases) {
    String token = chatToken();
    String bearer = "Bearer " + token;
    String valid = "{\"text\":\"corpus chat\",\"clientMessageId\":\"corpus-1\"}";
    List<String> bodies = new ArrayList<>();
    bodies.addAll(corrupted(valid, "/text", concat(NOT_STRING, MISSING, List.of("\"\"", "\" \""))));
    bodies.add(valid.replace("corpus chat", "a".repeat(4097)));
    bodies.addAll(
        corrupted(
            valid,
            "/clientMessageId",
            concat(
                NOT_STRING,
                MISSING,
                List.of("\"\"", "\"has space\"", "\"a/b\"", "\"" + "c".repeat(65) + "\""))));
    bodies.addAll(
        corrupted(valid, "/payload", concat(NOT_STRING, List.of("\"" + "p".repeat(1001) + "\""))));
    bodies.addAll(structuralRefusals(valid));
    for (String body : bodies) {
      cases.add(json("webchat", "POST", "/chat/messages", bearer, body));
    }
    String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    for (String authorization :
        concat(
            hostileCredentials(),
            List.of("Bearer ", "Bearer x", "Bearer a.b.c", "Bearer " + forged, "bearer"))) {
      cases.add(json("webchat", "POST", "/chat/messages", authorization, valid));
      cases.add(json("webchat", "GET", "/chat/messages", authorization, null));
      cases.add(stream("/chat/stream", authorization));
    }
    cases.add(stream("/chat/stream?access_token=" + forged, null));
    for (String after : List.of("abc", "-1", "1.5", "1e3", "%ZZ", "9".repeat(30))) {
      cases.add(json("webchat", "GET", "/chat/messages?after=" + after, bearer, null));
      cases.add(stream("/chat/stream?after=" + after, bearer));
    }
  }

  /** A stream request as a browser's EventSource makes it (a valid one would stay open). */
  private static Case stream(String target, String authorization) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "text/event-stream");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return new Case("webchat", Kind.JSON_API, "GET", target, headers, null);
  }

  private static void plugins(List<Case> cases) {
    String path = "/plugins/quotes/quote";
    List<String> bodies = new ArrayList<>(List.of("[]", "\"x\"", "1", "null", "true"));
    for (String value : NOT_STRING) {
      bodies.add("{\"topic\":" + value + "}");
    }
    for (String name : List.of("1x", "a b", "", "x".repeat(65), "é")) {
      bodies.add("{\"" + name + "\":\"v\"}");
    }
    bodies.add("{\"no-such-attribute\":\"v\"}");
    bodies.add("{\"topic\":\"" + "t".repeat(1001) + "\"}");
    bodies.addAll(structuralRefusals("{\"topic\":\"life\"}"));
    for (String body : bodies) {
      cases.add(json("plugins", "POST", path, OPERATOR, body));
    }
    for (String target :
        List.of(
            "/plugins/no-such/quote",
            "/plugins/quotes/no-such",
            "/plugins/%ZZ/x",
            "/plugins/quotes/quote/extra")) {
      cases.add(json("plugins", "POST", target, OPERATOR, "{}"));
    }
    for (String authorization : hostileCredentials()) {
      cases.add(json("plugins", "GET", "/plugins", authorization, null));
      cases.add(json("plugins", "POST", path, authorization, "{}"));
    }
    cases.add(json("plugins", "POST", path, WRITER, "{}")); // not an operator: 403
  }

  private static void console(List<Case> cases) {
    for (String next :
        List.of(
            "javascript%3Aalert(1)",
            "%2F%2Fevil.example",
            "https%3A%2F%2Fevil.example",
            "x".repeat(3000),
            "%ZZ",
            "%00",
            "%0d%0aSet-Cookie%3A%20x%3D1",
            "..%2F..%2Fdata")) {
      cases.add(
          new Case("console", Kind.PAGE, "GET", "/admin/login.xhtml?next=" + next, Map.of(), null));
    }
    ConsoleClient client = new ConsoleClient();
    String page = client.get("/admin/login.xhtml").body();
    String viewState = ConsoleClient.viewState(page);
    String cookie = "JSESSIONID=" + client.sessionId();
    for (String[] credentials :
        List.of(
            new String[] {"corpus-nobody", "wrong"},
            new String[] {"admin", "wrong"},
            new String[] {"", ""},
            new String[] {"a".repeat(5000), "b".repeat(5000)},
            new String[] {"admin' OR '1'='1", "x"},
            new String[] {"\u0000\u0001", "\u202e"},
            new String[] {"%ZZ", "%"},
            new String[] {"<script>", "</script>"})) {
      String form =
          "login=login&login%3Anext=&login%3Ausername="
              + java.net.URLEncoder.encode(credentials[0], StandardCharsets.UTF_8)
              + "&login%3Apassword="
              + java.net.URLEncoder.encode(credentials[1], StandardCharsets.UTF_8)
              + "&login%3Asign-in=Sign+in&jakarta.faces.ViewState="
              + java.net.URLEncoder.encode(viewState, StandardCharsets.UTF_8);
      cases.add(
          new Case(
              "console",
              Kind.PAGE,
              "POST",
              "/admin/login.xhtml",
              Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie),
              utf8(form)));
    }
    for (String form :
        List.of(
            "login=login&login%3Ausername=admin&login%3Apassword=x&jakarta.faces.ViewState=forged",
            "login=login&login%3Ausername=admin", "%ZZ=%ZZ", "login=" + "x".repeat(100_000))) {
      cases.add(
          new Case(
              "console",
              Kind.PAGE,
              "POST",
              "/admin/login.xhtml",
              Map.of("Content-Type", "application/x-www-form-urlencoded"),
              utf8(form)));
    }
  }

  // ---- building bodies

  /** Bodies that no reader accepts: cut short, not an object, nested too deep. */
  private static List<String> structuralRefusals(String valid) {
    List<String> bodies = new ArrayList<>();
    for (int length = 0; length < valid.length() - 1; length += Math.max(1, valid.length() / 12)) {
      bodies.add(valid.substring(0, length));
    }
    bodies.addAll(
        List.of("[]", "\"x\"", "1", "nul", "\u00ef\u00bb\u00bf{}", "{\"a\":}", "{'a':1}"));
    bodies.add(nested(33));
    bodies.add(nested(3000));
    bodies.add("{\"x\":" + nested(40) + "}");
    return bodies;
  }

  private static List<String> corruptedAll(String document, Map<String, List<String>> paths) {
    List<String> bodies = new ArrayList<>();
    paths.forEach((path, values) -> bodies.addAll(corrupted(document, path, values)));
    return bodies;
  }

  /** The document with the value at {@code pointer} replaced by each of {@code values}. */
  private static List<String> corrupted(String document, String pointer, List<String> values) {
    JsonStructure root = parse(document);
    List<String> bodies = new ArrayList<>();
    for (String value : values) {
      var at = Json.createPointer(pointer);
      JsonValue replacement =
          value.equals("<remove>") ? null : parse("[" + value + "]").asJsonArray().get(0);
      JsonStructure changed;
      if (replacement == null) {
        changed = at.remove(root);
      } else if (at.containsValue(root)) {
        changed = at.replace(root, replacement);
      } else {
        changed = at.add(root, replacement); // a member the fixture does not have
      }
      bodies.add(changed.toString());
    }
    return bodies;
  }

  private static JsonStructure parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    }
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static List<String> hostileIds() {
    return List.of(
        "a%20b",
        "a%2Fb",
        "%ZZ",
        "%00",
        "%C3%28",
        "dialog!",
        "x".repeat(129),
        "%E2%80%AE",
        ".%2E",
        "a%0Ab",
        "%F0%9F%98%80");
  }

  private static List<String> hostileCredentials() {
    return List.of(
        "Basic !!!",
        "Basic cmVhZGVyOmRldi1yZWFkZXItcGFzc3dvcmQ",
        "Basic Og==",
        "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe}),
        "Basic "
            + Base64.getEncoder().encodeToString("writer:wrong".getBytes(StandardCharsets.UTF_8)),
        "Basic " + "A".repeat(8000),
        "Digest username=\"writer\"",
        "Basic");
  }

  private static Case json(
      String group, String method, String target, String authorization, String body) {
    return new Case(
        group,
        Kind.JSON_API,
        method,
        target,
        jsonHeaders(authorization),
        body == null ? null : utf8(body));
  }

  private static Map<String, String> jsonHeaders(String authorization) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return headers;
  }

  // ---- checking the answers

  private static String wrong(Case c, RawHttp.Answer answer) {
    if (answer.status() >= 500) {
      return "a 5xx";
    }
    if (JAVA_TRACE.matcher(answer.body()).find()) {
      return "a Java class name or stack trace in the body";
    }
    if (c.kind() == Kind.PAGE) {
      return null;
    }
    boolean ignored = c.kind() == Kind.WEBHOOK && answer.status() == 200;
    if (ignored) {
      return answer.body().isEmpty()
              || answer.body().equals("{}")
              || answer.body().equals("EVENT_RECEIVED")
          ? null
          : "an answer other than the platform's acknowledgement";
    }
    if (answer.status() < 400) {
      return "accepted";
    }
    if (!answer.contentType().startsWith("application/problem+json")) {
      return "not problem+json but " + answer.contentType();
    }
    JsonObject problem;
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      problem = reader.readObject();
    } catch (RuntimeException e) {
      return "a problem that is not a JSON object";
    }
    if (!problem.getString("type", "").startsWith("https://parley.org/problems/")
        || problem.getInt("status", 0) != answer.status()
        || problem.getString("detail", "").isBlank()) {
      return "a problem without type, status or detail";
    }
    if (answer.status() == 401
        && !answer.headers().containsKey("www-authenticate")
        && !c.target().startsWith("/chat")
        && !c.target().startsWith("/webhooks")) {
      return "a 401 without its challenge";
    }
    return null;
  }

  // ---- what must be absent

  private static void awaitQueuesDrained() {
    Await.await(
        "the inbound and outbound queues to drain",
        Duration.ofSeconds(60),
        () -> {
          Map<String, Long> depths = BrokerQueues.depths();
          return depths.get("parley.inbound") == 0 && depths.get("parley.outbound") == 0;
        });
  }

  private static Map<String, Set<Object>> idsByCollection() {
    MongoDatabase database = TestDocumentStore.database();
    Map<String, Set<Object>> ids = new TreeMap<>();
    for (String name : database.listCollectionNames()) {
      Set<Object> set = new HashSet<>();
      for (Document document :
          database.getCollection(name).find().projection(new Document("_id", 1))) {
        set.add(document.get("_id"));
      }
      ids.put(name, set);
    }
    return ids;
  }

  /**
   * Every document added since {@code before} belongs to the sentinel (its user, or a dialog of
   * it), or is the audit entry of a refused or paused sign-in.
   */
  private static void assertNothingStoredBut(Map<String, Set<Object>> before, String sentinelUser) {
    MongoDatabase database = TestDocumentStore.database();
    Set<String> markers = new HashSet<>(Set.of(sentinelUser));
    for (Document dialog :
        database
            .getCollection("dialogs")
            .find(new Document("customerId", "telegram-" + sentinelUser))) {
      markers.add(String.valueOf(dialog.get("_id")));
    }
    Map<String, Integer> added = new TreeMap<>();
    List<String> strays = new ArrayList<>();
    for (String name : database.listCollectionNames()) {
      Set<Object> old = before.getOrDefault(name, Set.of());
      for (Document document : database.getCollection(name).find()) {
        if (old.contains(document.get("_id"))) {
          continue;
        }
        added.merge(name, 1, Integer::sum);
        String json = document.toJson();
        boolean sentinels = markers.stream().anyMatch(json::contains);
        boolean refusedSignIn =
            name.equals("audit_log")
                && List.of("SIGN_IN_REFUSED", "SIGN_IN_LOCKED_OUT")
                    .contains(document.getString("action"));
        if (!sentinels && !refusedSignIn) {
          strays.add(name + ": " + abbreviated(json));
        }
      }
    }
    System.out.printf(
        "Documents added during the corpus and its sentinel, by collection: %s%n", added);
    assertEquals(List.of(), strays, "documents stored by the hostile requests");
    assertTrue(added.getOrDefault("dialogs", 0) >= 1, "the sentinel's dialog is there: " + added);
  }

  private static boolean toSentinel(FakePlatforms.Call call, long sentinel) {
    JsonValue chat = call.body().get("chat_id");
    return chat != null && chat.toString().replace("\"", "").equals(String.valueOf(sentinel));
  }

  // ---- small things

  private static String chatToken() {
    var response = Http.send(Webhooks.post("/chat/sessions", "").build());
    assertEquals(201, response.statusCode(), response.body());
    return Http.json(response).getString("token");
  }

  private static String fixture(String name) {
    return new String(
        org.parley.interfaces.webhook.WebhookFixtures.bytes(name), StandardCharsets.UTF_8);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return all;
  }

  private static String abbreviated(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
  }
}
