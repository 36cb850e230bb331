package org.parley.interfaces.rest.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  @Test
  void aTokenNamesItsUserUntilItExpires() {
    ChatTokens tokens = tokens("a-web-chat-key-of-at-least-32-characters", NOW);
    ChatTokens.Session session = tokens.open();
    assertEquals(Optional.of(session.userId()), tokens.userOf(session.token()));
    assertEquals(NOW.plus(Duration.ofHours(1)), session.expiresAt());

    tokens.clock = Clock.fixed(NOW.plus(Duration.ofMinutes(59)), ZoneOffset.UTC);
    assertEquals(Optional.of(session.userId()), tokens.userOf(session.token()));
    tokens.clock = Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    assertTrue(tokens.userOf(session.token()).isEmpty(), "expired");
  }

  @Test
  void aTamperedOrForeignTokenIsRefused() {
    ChatTokens tokens = tokens("a-web-chat-key-of-at-least-32-characters", NOW);
    ChatTokens.Session session = tokens.open();
    String token = session.token();
    int dot = token.indexOf('.');
    assertTrue(tokens.userOf("someone-else" + token.substring(dot)).isEmpty(), "other user");
    String[] parts = token.split("\\.");
    assertTrue(
        tokens
            .userOf(parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2])
            .isEmpty(),
        "extended expiry");
    assertTrue(tokens.userOf(token + "x").isEmpty());
    assertTrue(tokens.userOf("nonsense").isEmpty());
    assertTrue(tokens.userOf("").isEmpty());
    ChatTokens other = tokens("another-key-of-at-least-32-characters!!", NOW);
    assertTrue(other.userOf(token).isEmpty(), "signed with another key");
  }

  @Test
  void aShortKeyIsRefusedAtStart() {
    assertThrows(IllegalStateException.class, () -> tokens("too-short", NOW));
  }

  private static ChatTokens tokens(String key, Instant now) {
    ChatTokens tokens = new ChatTokens();
    tokens.configuredSecret = Optional.of(key);
    tokens.ttl = Duration.ofHours(1);
    tokens.clock = Clock.fixed(now, ZoneOffset.UTC);
    tokens.init();
    return tokens;
  }
}
