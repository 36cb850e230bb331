package org.parley.interfaces.webhook;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parley.interfaces.rest.JsonLimits;
import org.parley.interfaces.webhook.messenger.MessengerPayloadParser;
import org.parley.interfaces.webhook.slack.SlackEventParser;
import org.parley.interfaces.webhook.telegram.TelegramUpdateParser;
import org.parley.testing.JsonMutations;

/**
 * Every platform parser, fed arbitrary bytes and hostile variants of the platforms' real payloads
 * (../shared/fixtures/webhooks): it returns what it parsed or throws {@link
 * MalformedPayloadException}, never anything else (a ClassCastException, a NullPointerException or
 * a number expanded without end would be a 500 at the webhook).
 */
class WebhookParsersProperties {

  private static final List<String> MESSENGER =
      List.of(
          "messenger-text.json",
          "messenger-batched.json",
          "messenger-attachment-image.json",
          "messenger-quick-reply.json",
          "messenger-postback.json");
  private static final List<String> SLACK =
      List.of(
          "slack-url-verification.json",
          "slack-message-im.json",
          "slack-message-thread.json",
          "slack-bot-message.json");
  private static final List<String> TELEGRAM =
      List.of(
          "telegram-text.json",
          "telegram-start.json",
          "telegram-photo.json",
          "telegram-callback-query.json",
          "telegram-edited.json");

  @Property(tries = 400)
  void messengerOnArbitraryBytes(@ForAll byte[] body) {
    parsesOrRefuses(MessengerPayloadParser::parse, body);
  }

  @Property(tries = 1500)
  void messengerOnMutatedFixtures(@ForAll("messenger") byte[] body) {
    parsesOrRefuses(MessengerPayloadParser::parse, body);
  }

  @Property(tries = 400)
  void slackOnArbitraryBytes(@ForAll byte[] body) {
    parsesOrRefuses(SlackEventParser::parse, body);
  }

  @Property(tries = 1500)
  void slackOnMutatedFixtures(@ForAll("slack") byte[] body) {
    parsesOrRefuses(SlackEventParser::parse, body);
  }

  @Property(tries = 400)
  void telegramOnArbitraryBytes(@ForAll byte[] body) {
    parsesOrRefuses(TelegramUpdateParser::parse, body);
  }

  @Property(tries = 1500)
  void telegramOnMutatedFixtures(@ForAll("telegram") byte[] body) {
    parsesOrRefuses(TelegramUpdateParser::parse, body);
  }

  @Property(tries = 20)
  void nestingBeyondTheLimitIsRefusedByEveryParser(@ForAll("deeperThanTheLimit") byte[] nested) {
    byte[] body = ("{\"object\":\"page\",\"entry\":" + new String(nested) + "}").getBytes();
    assertThrows(MalformedPayloadException.class, () -> MessengerPayloadParser.parse(body));
    assertThrows(MalformedPayloadException.class, () -> SlackEventParser.parse(body));
    assertThrows(MalformedPayloadException.class, () -> TelegramUpdateParser.parse(body));
  }

  @Provide
  Arbitrary<byte[]> messenger() {
    return mutationsOf(MESSENGER);
  }

  @Provide
  Arbitrary<byte[]> slack() {
    return mutationsOf(SLACK);
  }

  @Provide
  Arbitrary<byte[]> telegram() {
    return mutationsOf(TELEGRAM);
  }

  @Provide
  Arbitrary<byte[]> deeperThanTheLimit() {
    return Arbitraries.integers().between(JsonLimits.MAX_DEPTH, 20_000).map(JsonMutations::nested);
  }

  private static Arbitrary<byte[]> mutationsOf(List<String> fixtures) {
    return Arbitraries.of(fixtures)
        .map(WebhookFixtures::bytes)
        .flatMap(
            bytes ->
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, JsonMutations.structural(bytes)),
                    net.jqwik.api.Tuple.of(1, JsonMutations.bytewise(bytes))));
  }

  private static void parsesOrRefuses(Function<byte[], ?> parser, byte[] body) {
    try {
      parser.apply(body);
    } catch (MalformedPayloadException refused) {
      // the declared refusal: a 400 naming what was wrong
    }
  }
}
