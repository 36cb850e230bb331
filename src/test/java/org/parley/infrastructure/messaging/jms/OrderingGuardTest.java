package org.parley.infrastructure.messaging.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.application.InboundMessage;
import org.parley.application.OutboundReply;
import org.parley.application.UserSequences;
import org.parley.plugin.api.Reply;
import org.parley.testing.TestClock;

class OrderingGuardTest {

  private final Map<String, long[]> marks = new HashMap<>(); // handled, lastReply, delivered
  private final OrderingGuard guard = new OrderingGuard();
  private final TestClock clock = new TestClock(Instant.parse("2026-12-02T06:00:00Z"));

  @BeforeEach
  void wire() {
    guard.sequenced = true;
    guard.wait = Duration.ofSeconds(5);
    guard.clock = clock;
    guard.sequences =
        new UserSequences() {
          private long issued;

          @Override
          public long issue(String customerId, String messageId) {
            return ++issued;
          }

          @Override
          public Progress progress(String customerId) {
            long[] m = marks.getOrDefault(customerId, new long[3]);
            return new Progress(m[0], m[1], m[2]);
          }

          @Override
          public void handled(String customerId, long sequence, long lastReply) {
            long[] m = marks.computeIfAbsent(customerId, c -> new long[3]);
            m[0] = Math.max(m[0], sequence);
            m[1] = Math.max(m[1], lastReply);
          }

          @Override
          public void delivered(String customerId, long position) {
            long[] m = marks.computeIfAbsent(customerId, c -> new long[3]);
            m[2] = Math.max(m[2], position);
          }
        };
  }

  @Test
  void aMessageWaitsForItsPredecessorThenGoesWithThePreviousReply() {
    InboundMessage first = message("a").withSequence(1);
    InboundMessage second = message("b").withSequence(2);

    assertThrows(OrderingGuard.Early.class, () -> guard.admit(second, null));

    InboundMessage admitted = guard.admit(first, null);
    assertEquals(0, admitted.previousReply());
    guard.handled(admitted, admitted.replyPosition(2));

    InboundMessage next = guard.admit(second, null);
    assertEquals(UserSequences.position(1, 2), next.previousReply());
    assertEquals(UserSequences.position(1, 2), next.replyAfter(1));
    assertEquals(next.replyPosition(1), next.replyAfter(2));
  }

  @Test
  void aMessageWhosePredecessorNeverComesIsHandledAfterTheWait() {
    InboundMessage third = message("c").withSequence(3);
    guard.handled(guard.admit(message("a").withSequence(1), null), 0);

    OrderingGuard.Early early =
        assertThrows(OrderingGuard.Early.class, () -> guard.admit(third, null));
    assertEquals(clock.instant(), early.since());
    Instant since = early.since();
    clock.advance(Duration.ofSeconds(4));
    assertThrows(OrderingGuard.Early.class, () -> guard.admit(third, since));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(3, guard.admit(third, since).sequence());
  }

  @Test
  void aLateDuplicateOrAReplayIsNotHeldBack() {
    guard.handled(guard.admit(message("a").withSequence(1), null), 0);
    guard.handled(guard.admit(message("b").withSequence(2), null), 0);

    assertEquals(1, guard.admit(message("a").withSequence(1), null).sequence());
  }

  @Test
  void onOneNodeNothingIsNumberedOrHeldBack() {
    guard.sequenced = false;
    InboundMessage message = message("a");
    assertSame(message, guard.numbered(message));
    assertSame(message, guard.admit(message, null));
    guard.admit(reply(message, 1), null); // a reply without a position
    assertEquals(Map.of(), marks);
  }

  @Test
  void aReplyWaitsForTheOneItFollows() {
    InboundMessage first = guard.numbered(message("a"));
    InboundMessage admitted = guard.admit(first, null);
    OutboundReply one = reply(admitted, 1);
    OutboundReply two = reply(admitted, 2);

    assertThrows(OrderingGuard.Early.class, () -> guard.admit(two, null));
    guard.admit(one, null);
    guard.delivered(one);
    guard.admit(two, null);
    guard.delivered(two);

    guard.admit(one, null); // delivered before: a redelivery goes to the duplicate check
  }

  @Test
  void aReplyWhosePredecessorIsLostGoesAfterTheWait() {
    InboundMessage admitted = guard.admit(guard.numbered(message("a")), null);
    OutboundReply two = reply(admitted, 2);

    Instant since = assertThrows(OrderingGuard.Early.class, () -> guard.admit(two, null)).since();
    clock.advance(Duration.ofSeconds(4));
    assertThrows(OrderingGuard.Early.class, () -> guard.admit(two, since));
    clock.advance(Duration.ofSeconds(1));
    guard.admit(two, since);
  }

  @Test
  void theFirstReplyOfAMessageFollowsTheLastReplyOfTheOneBefore() {
    InboundMessage first = guard.admit(guard.numbered(message("a")), null);
    OutboundReply last = reply(first, 2);
    guard.handled(first, last.position());
    InboundMessage second = guard.admit(guard.numbered(message("b")), null);
    OutboundReply next = reply(second, 1);

    guard.delivered(reply(first, 1));
    assertThrows(OrderingGuard.Early.class, () -> guard.admit(next, null));
    guard.delivered(last);
    guard.admit(next, null);
  }

  private static InboundMessage message(String id) {
    return InboundMessage.received(
        "telegram",
        "42",
        id,
        InboundMessage.Type.TEXT,
        "hello",
        null,
        null,
        "42",
        null,
        "en",
        Instant.parse("2026-12-02T05:59:00Z"));
  }

  private static OutboundReply reply(InboundMessage to, int index) {
    return OutboundReply.of(
        to.deduplicationId() + "/" + index, to, index, "EN", new Reply.Text("hi"), null);
  }
}
