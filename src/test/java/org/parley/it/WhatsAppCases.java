package org.parley.it;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.Problems.assertProblem;

import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The WhatsApp Cloud API channel on the shared deployment, against FakePlatforms' stand-in for the
 * messages endpoint: Meta's handshake, signed callbacks answered through the business number they
 * came to, statuses recorded on the stored reply (never going back), the 24-hour window refusing a
 * reply for good, and every refusal of a callback a problem with nothing queued. Each case has its
 * own WhatsApp users.
 */
abstract class WhatsAppCases {

  private static final String NUMBER = "106000000000042";

  @Test
  void theHandshakeEchoesTheChallengeOnlyForOurToken() {
    var ok =
        Http.get(
            Webhooks.uri(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                    + Webhooks.WHATSAPP_VERIFY_TOKEN
                    + "&hub.challenge=4711"));
    assertEquals(200, ok.statusCode());
    assertEquals("4711", ok.body());
    assertProblem(
        Http.get(
            Webhooks.uri(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1")),
        403,
        "signature-invalid",
        "hub.verify_token");
  }

  @Test
  void aSignedTextIsAnsweredFromItsNumberAndOnlyLaterStatusesMoveTheReplyOn() {
    String user = newUser();
    byte[] refusedBody = text(user, "wamid.refused-" + user, "never stored");
    assertProblem(
        Webhooks.whatsapp(refusedBody, null), 401, "signature-missing", "X-Hub-Signature-256");
    assertProblem(
        Webhooks.whatsapp(refusedBody, "sha256=" + "0".repeat(64)),
        403,
        "signature-invalid",
        "X-Hub-Signature-256");
    byte[] notWhatsApp = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    assertProblem(
        Webhooks.whatsapp(notWhatsApp, Webhooks.whatsappSignature(notWhatsApp)),
        400,
        "malformed-payload",
        "body");

    byte[] hello = text(user, "wamid.hello-" + user, "hello");
    var accepted = Webhooks.whatsapp(hello, Webhooks.whatsappSignature(hello));
    assertEquals(200, accepted.statusCode(), accepted.body());
    FakePlatforms.Call sent = awaitSent(user);
    assertEquals(NUMBER, sent.method(), "sent from the number the user wrote to");
    assertEquals("whatsapp", sent.body().getString("messaging_product"));
    String wamid = "wamid.it-" + sent.id();

    Document reply = awaitReply(user, r -> wamid.equals(r.getString("platformMessageId")));
    assertEquals("DELIVERED", reply.getString("deliveryState"));
    assertEquals(
        List.of("whatsapp:wamid.hello-" + user),
        inbound(user),
        "only the signed text was queued (the refused ones came first)");

    for (String status : List.of("delivered", "read", "sent")) { // the late "sent" changes nothing
      byte[] body = status(user, wamid, status, null);
      assertEquals(200, Webhooks.whatsapp(body, Webhooks.whatsappSignature(body)).statusCode());
    }
    byte[] unknown = status(user, "wamid.not-ours-" + user, "delivered", null);
    assertEquals(200, Webhooks.whatsapp(unknown, Webhooks.whatsappSignature(unknown)).statusCode());
    Document read = awaitReply(user, r -> "READ".equals(r.getString("platformStatus")));
    assertEquals(3, read.getInteger("platformStatusRank"), "read, not the late sent");
    assertEquals("DELIVERED", read.getString("deliveryState"));
  }

  @Test
  void aFailedStatusAndAClosedWindowRefuseTheReplyForGoodWithTheReason() {
    String user = newUser();
    byte[] hello = text(user, "wamid.hi-" + user, "hello");
    assertEquals(200, Webhooks.whatsapp(hello, Webhooks.whatsappSignature(hello)).statusCode());
    String wamid = "wamid.it-" + awaitSent(user).id();
    awaitReply(user, r -> wamid.equals(r.getString("platformMessageId")));
    byte[] failed = status(user, wamid, "failed", 131047);
    assertEquals(200, Webhooks.whatsapp(failed, Webhooks.whatsappSignature(failed)).statusCode());
    Document refused = awaitReply(user, r -> "FAILED".equals(r.getString("platformStatus")));
    assertEquals("REFUSED", refused.getString("deliveryState"), "shown as refused in the console");
    assertEquals("131047 Re-engagement message", refused.getString("platformError"));

    // the window closed before the reply went out: Meta answers 131047 at once
    String late = newUser();
    FakePlatforms.closeWindow(late);
    byte[] again = text(late, "wamid.late-" + late, "hello");
    assertEquals(200, Webhooks.whatsapp(again, Webhooks.whatsappSignature(again)).statusCode());
    Document notSent = awaitReply(late, r -> "REFUSED".equals(r.getString("deliveryState")));
    assertEquals(1, notSent.getInteger("deliveryAttempts"), "refused once, not retried");
    assertTrue(
        TestKeys.opened(notSent, "messages", "failure").contains("24 hours"),
        "the reason, for the console");
    assertEquals(
        List.of(),
        FakePlatforms.calls(
            c -> c.platform().equals("whatsapp") && late.equals(c.body().getString("to", null))));
  }

  private static String newUser() {
    return "4477" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
  }

  private static byte[] text(String user, String wamid, String text) {
    return change(
            "\"contacts\":[{\"profile\":{\"name\":\"Test\"},\"wa_id\":\""
                + user
                + "\"}],\"messages\":[{\"from\":\""
                + user
                + "\",\"id\":\""
                + wamid
                + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond()
                + "\",\"type\":\"text\",\"text\":{\"body\":\""
                + text
                + "\"}}]")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] status(String user, String wamid, String status, Integer error) {
    return change(
            "\"statuses\":[{\"id\":\""
                + wamid
                + "\",\"status\":\""
                + status
                + "\",\"timestamp\":\""
                + Instant.now().getEpochSecond()
                + "\",\"recipient_id\":\""
                + user
                + "\""
                + (error == null
                    ? ""
                    : ",\"errors\":[{\"code\":"
                        + error
                        + ",\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\"}]")
                + "}]")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String change(String value) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102000000000042\","
        + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
        + "{\"display_phone_number\":\"15550100042\",\"phone_number_id\":\""
        + NUMBER
        + "\"},"
        + value
        + "},\"field\":\"messages\"}]}]}";
  }

  private static FakePlatforms.Call awaitSent(String user) {
    return Await.value(
        "a reply to " + user,
        Duration.ofSeconds(30),
        () ->
            FakePlatforms.calls(
                    c ->
                        c.platform().equals("whatsapp")
                            && user.equals(c.body().getString("to", null)))
                .stream()
                .findFirst());
  }

  private static Document awaitReply(String user, java.util.function.Predicate<Document> state) {
    return Await.value(
        "the stored reply to " + user,
        Duration.ofSeconds(30),
        () -> {
          for (Document reply :
              TestDocumentStore.database()
                  .getCollection("messages")
                  .find(and(eq("customerId", "whatsapp-" + user), eq("direction", "OUTBOUND")))) {
            if (state.test(reply)) {
              return Optional.of(reply);
            }
          }
          return Optional.empty();
        });
  }

  private static List<String> inbound(String user) {
    return TestDocumentStore.database()
        .getCollection("messages")
        .find(and(eq("customerId", "whatsapp-" + user), eq("direction", "INBOUND")))
        .sort(Sorts.ascending("seq"))
        .map(m -> m.getString("_id"))
        .into(new ArrayList<>());
  }
}
