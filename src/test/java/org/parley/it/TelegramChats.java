package org.parley.it;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.parley.it.FakePlatforms.Call;

/**
 * The platform users of the ITs and what became of their messages: a fresh Telegram user, the
 * replies the fake platforms received for a user, and the turns and dialogs the store holds.
 */
final class TelegramChats {

  private TelegramChats() {}

  /** A Telegram user (and private chat) id no other test uses. */
  static long newUser() {
    return ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000L) * 1_000L
        + (System.nanoTime() % 1_000);
  }

  static boolean isTelegramTo(Call call, long from, long to) {
    if (!call.platform().equals("telegram")) {
      return false;
    }
    long chat = call.body().getJsonNumber("chat_id").longValue();
    return chat >= from && chat <= to;
  }

  static List<Call> telegramReplies(long user) {
    return FakePlatforms.calls(c -> isTelegramTo(c, user, user));
  }

  static List<Call> messengerReplies(String psid) {
    return FakePlatforms.calls(
        c ->
            c.platform().equals("messenger")
                && c.body().getJsonObject("recipient").getString("id").equals(psid));
  }

  static List<Call> slackReplies(String channel) {
    return FakePlatforms.calls(
        c -> c.platform().equals("slack") && c.body().getString("channel").equals(channel));
  }

  /** The message ids the replies name, in the order the platform received the replies. */
  static List<Long> repliedTo(List<Call> replies) {
    return replies.stream()
        .filter(c -> c.body().containsKey("reply_parameters"))
        .map(
            c -> c.body().getJsonObject("reply_parameters").getJsonNumber("message_id").longValue())
        .toList();
  }

  static List<Document> inbound(String customerId) {
    return messages()
        .find(and(eq("customerId", customerId), eq("direction", "INBOUND")))
        .sort(Sorts.ascending("seq"))
        .into(new ArrayList<>());
  }

  static List<String> inboundIds(String customerId) {
    return inbound(customerId).stream().map(d -> d.getString("_id")).toList();
  }

  static List<Document> outbound(String customerId) {
    return messages()
        .find(and(eq("customerId", customerId), eq("direction", "OUTBOUND")))
        .into(new ArrayList<>());
  }

  static Document dialogOf(String customerId) {
    List<Document> dialogs =
        TestDocumentStore.database()
            .getCollection("dialogs")
            .find(eq("customerId", customerId))
            .into(new ArrayList<>());
    assertEquals(1, dialogs.size(), customerId + " has one dialog");
    return dialogs.get(0);
  }

  static MongoCollection<Document> messages() {
    return TestDocumentStore.database().getCollection("messages");
  }
}
