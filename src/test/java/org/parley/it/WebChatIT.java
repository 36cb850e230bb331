package org.parley.it;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.Await.await;
import static org.parley.it.Problems.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The web chat: sessions, messages answered once, replies read and streamed, and the page. */
@ExtendWith(ArquillianExtension.class)
class WebChatIT {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  record Session(String userId, String token) {}

  @Test
  void aMessageIsAnsweredOnceEvenWhenSentTwice() {
    Session session = open();
    assertEquals(
        202, send(session, "{\"text\":\"hello\",\"clientMessageId\":\"c1\"}").statusCode());
    var again = send(session, "{\"text\":\"hello\",\"clientMessageId\":\"c1\"}");
    assertEquals(202, again.statusCode());
    assertEquals(session.userId() + "-c1", Http.json(again).getString("messageId"));
    assertEquals(
        202,
        send(session, "{\"text\":\"tell me a quote\",\"clientMessageId\":\"c2\"}").statusCode());

    await(
        "the reply to c2",
        LIMIT,
        () -> replies(session, 0).stream().anyMatch(r -> r.getString("inReplyTo").equals("c2")));
    List<JsonObject> replies = replies(session, 0);
    assertEquals(
        List.of("c1", "c2"),
        replies.stream().map(r -> r.getString("inReplyTo")).toList(),
        "one reply each, in order");
    assertEquals(
        List.of(1L, 2L), replies.stream().map(r -> r.getJsonNumber("seq").longValue()).toList());
    assertEquals(1, replies(session, 1).size(), "after=1 leaves the second");
    assertEquals(0, replies(session, 2).size());
  }

  @Test
  void aNoErasesTheWebChatsCopiesOfTheDialogsRepliesToo() {
    Session session = open();
    String customer = "webchat-" + session.userId();
    assertEquals(
        202, send(session, "{\"text\":\"hello\",\"clientMessageId\":\"n1\"}").statusCode());
    assertEquals(
        202, send(session, "{\"text\":\"goodbye\",\"clientMessageId\":\"n2\"}").statusCode());
    await(
        "the consent question",
        LIMIT,
        () ->
            replies(session, 0).stream()
                .anyMatch(r -> r.containsKey("options") && r.toString().contains("\"No\"")));
    List<String> dialogReplies =
        TestDocumentStore.database()
            .getCollection("messages")
            .find(and(eq("customerId", customer), eq("direction", "OUTBOUND")))
            .map(d -> d.getString("_id"))
            .into(new ArrayList<>());
    assertFalse(dialogReplies.isEmpty(), "the dialog's replies are stored");
    int before = replies(session, 0).size();

    assertEquals(
        202,
        send(session, "{\"text\":\"No\",\"payload\":\"No\",\"clientMessageId\":\"n3\"}")
            .statusCode());
    await(
        "the answer to the no",
        LIMIT,
        () -> replies(session, 0).stream().anyMatch(r -> r.getString("inReplyTo").equals("n3")));

    List<JsonObject> left = replies(session, 0);
    assertEquals(
        List.of("n3"),
        left.stream().map(r -> r.getString("inReplyTo")).toList(),
        "only the answer to the no is left of " + before + " replies");
    assertTrue(left.get(0).getString("text").contains("deleted"), left.toString());
    assertEquals(
        0,
        TestDocumentStore.database()
            .getCollection("webchat_replies")
            .countDocuments(in("_id", dialogReplies)),
        "no copy of the erased dialog's replies");
    assertEquals(
        0,
        TestDocumentStore.database()
            .getCollection("dialogs")
            .countDocuments(eq("customerId", customer)),
        "the dialog is gone");
  }

  @Test
  void repliesAreStreamedAsServerSentEvents() throws Exception {
    Session session = open();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<Stream<String>>> stream =
        client.sendAsync(
            HttpRequest.newBuilder(TestEnvironment.http("/chat/stream"))
                .header("Authorization", "Bearer " + session.token())
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = stream.get(30, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    Thread reader =
        new Thread(
            () -> {
              try {
                response.body().forEach(lines::add);
              } catch (java.io.UncheckedIOException closed) {
                // the stream ends when the deployment goes away after the test
              }
            });
    reader.setDaemon(true);
    reader.start();

    assertEquals(
        202, send(session, "{\"text\":\"hello\",\"clientMessageId\":\"s1\"}").statusCode());
    String data = null;
    long end = System.nanoTime() + LIMIT.toNanos();
    boolean replyEvent = false;
    while (data == null && System.nanoTime() < end) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      if (line.equals("event: reply")) {
        replyEvent = true;
      } else if (replyEvent && line.startsWith("data:")) {
        data = line.substring(5).strip();
      }
    }
    assertTrue(data != null, "a reply event arrived");
    assertTrue(data.contains("\"inReplyTo\":\"s1\""), data);
    assertTrue(data.contains("\"seq\":1"), data);
    response.body().close();
  }

  @Test
  void thePageIsServedAtTheRoot() {
    var page = Http.get(TestEnvironment.http("/"));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("/static/chat.js"));
    assertEquals(200, Http.get(TestEnvironment.http("/static/chat.js")).statusCode());
    assertEquals(200, Http.get(TestEnvironment.http("/static/chat.css")).statusCode());
  }

  @Test
  void withoutAValidTokenNothingIsAccepted() {
    String body = "{\"text\":\"hello\",\"clientMessageId\":\"t1\"}";
    assertProblem(
        Http.send(Webhooks.post("/chat/messages", body).build()),
        401,
        "token-missing",
        "Authorization");
    Session session = open();
    String forged = session.token().substring(0, session.token().length() - 2) + "xx";
    assertProblem(
        send(new Session(session.userId(), forged), body), 401, "token-invalid", "Authorization");
    String otherUser = "someone-else" + session.token().substring(session.token().indexOf('.'));
    assertProblem(send(new Session("x", otherUser), body), 401, "token-invalid", "Authorization");
    assertProblem(
        Http.send(
            HttpRequest.newBuilder(TestEnvironment.http("/chat/messages?after=0"))
                .header("Authorization", "Bearer nonsense")
                .build()),
        401,
        "token-invalid",
        "Authorization");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"clientMessageId\":\"b1\"}|invalid-input|text",
        "{\"text\":\"   \",\"clientMessageId\":\"b2\"}|invalid-input|text",
        "{\"text\":\"hi\"}|invalid-input|clientMessageId",
        "{\"text\":\"hi\",\"clientMessageId\":\"has space\"}|invalid-input|clientMessageId",
        "{\"text\":42,\"clientMessageId\":\"b3\"}|invalid-input|text",
        "[1,2]|invalid-input|body",
        "{\"text\":|malformed-json|body"
      })
  void badMessagesAreRefusedNamingTheField(String body, String type, String field) {
    Session session = open();
    assertProblem(send(session, body), 400, type, field);
    assertProblem(
        Http.send(
            HttpRequest.newBuilder(TestEnvironment.http("/chat/messages?after=abc"))
                .header("Authorization", "Bearer " + session.token())
                .build()),
        400,
        "invalid-input",
        "after");
    assertEquals(0, replies(session, 0).size());
  }

  @Test
  void tooLongATextIsRefused() {
    Session session = open();
    String text = "a".repeat(4097);
    assertProblem(
        send(session, "{\"text\":\"" + text + "\",\"clientMessageId\":\"long\"}"),
        400,
        "invalid-input",
        "text");
  }

  static Session open() {
    var response = Http.send(Webhooks.post("/chat/sessions", "").build());
    assertEquals(201, response.statusCode(), response.body());
    JsonObject session = Http.json(response);
    assertFalse(session.getString("token").isBlank());
    assertTrue(session.containsKey("expiresAt"));
    return new Session(session.getString("userId"), session.getString("token"));
  }

  static HttpResponse<String> send(Session session, String body) {
    return Http.send(
        Webhooks.post("/chat/messages", body)
            .header("Authorization", "Bearer " + session.token())
            .build());
  }

  static List<JsonObject> replies(Session session, long after) {
    var response =
        Http.send(
            HttpRequest.newBuilder(TestEnvironment.http("/chat/messages?after=" + after))
                .header("Authorization", "Bearer " + session.token())
                .build());
    assertEquals(200, response.statusCode(), response.body());
    return Http.json(response).getJsonArray("replies").getValuesAs(JsonObject.class);
  }
}
