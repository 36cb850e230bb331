package org.parley.interfaces.rest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The web chat's token check on arbitrary strings and on valid tokens with one character changed:
 * it names no user (and never throws) unless the token is exactly one it issued.
 */
class ChatTokensProperties {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Property(tries = 1000)
  void anArbitraryStringNamesNoUser(@ForAll String token) {
    assertTrue(tokens().userOf(token).isEmpty());
  }

  @Property(tries = 1000)
  void aValidTokenWithOneCharacterChangedNamesNoUser(
      @ForAll @IntRange(min = 0, max = 200) int position, @ForAll char replacement) {
    ChatTokens tokens = tokens();
    String token = tokens.open().token();
    int at = position % token.length();
    String changed = token.substring(0, at) + replacement + token.substring(at + 1);
    Optional<String> user = tokens.userOf(changed);
    assertTrue(user.isEmpty() || changed.equals(token), changed);
  }

  @Property(tries = 200)
  void anIssuedTokenNamesItsUser(@ForAll @IntRange(min = 0, max = 3599) int secondsLater) {
    ChatTokens tokens = tokens();
    ChatTokens.Session session = tokens.open();
    tokens.clock = Clock.fixed(NOW.plusSeconds(secondsLater), ZoneOffset.UTC);
    assertEquals(Optional.of(session.userId()), tokens.userOf(session.token()));
  }

  private static ChatTokens tokens() {
    ChatTokens tokens = new ChatTokens();
    tokens.configuredSecret = Optional.of("a-web-chat-key-of-at-least-32-characters");
    tokens.ttl = Duration.ofHours(1);
    tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    tokens.init();
    return tokens;
  }
}
