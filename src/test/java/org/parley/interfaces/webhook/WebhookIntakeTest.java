package org.parley.interfaces.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.application.InboundMessage;
import org.parley.application.InboundQueue;
import org.parley.interfaces.rest.ProblemMappers;
import org.parley.interfaces.rest.RateLimitedException;
import org.parley.testing.NoPipelineMetrics;

/**
 * A message the queue does not take is not acknowledged: the webhook answers 503 with Retry-After
 * (the broker cannot be made to refuse a send in the ITs, so this runs against a queue that fails).
 */
class WebhookIntakeTest {

  @Test
  void whenTheQueueRefusesTheAnswerIs503AndLaterMessagesAreNotQueued() {
    List<InboundMessage> queued = new ArrayList<>();
    WebhookIntake intake = new WebhookIntake();
    intake.queue =
        message -> {
          if (message.platformMessageId().equals("2")) {
            throw new InboundQueue.QueueUnavailableException("broker down", null);
          }
          queued.add(message);
        };
    intake.metrics = new NoPipelineMetrics();
    intake.limits = limits(10);

    InboundQueue.QueueUnavailableException refused =
        assertThrows(
            InboundQueue.QueueUnavailableException.class,
            () -> intake.queue("telegram", List.of(message("1"), message("2"), message("3")), 0));
    assertEquals(List.of("1"), queued.stream().map(InboundMessage::platformMessageId).toList());

    try (Response response = new ProblemMappers.QueueUnavailable().toResponse(refused)) {
      assertEquals(503, response.getStatus());
      assertEquals("1", response.getHeaderString("Retry-After"));
      assertEquals("application/problem+json", response.getMediaType().toString());
    }
  }

  @Test
  void aPlatformUserOverTheLimitIsShedWhileOthersAreQueuedAndTheWebChatIsRefused() {
    List<InboundMessage> queued = new ArrayList<>();
    WebhookIntake intake = new WebhookIntake();
    intake.queue = queued::add;
    intake.metrics = new NoPipelineMetrics();
    intake.limits = limits(3);

    List<InboundMessage> flood = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      flood.add(message(String.valueOf(i), "42"));
    }
    flood.add(message("other", "43"));
    intake.queue("telegram", flood, 0);

    assertEquals(
        List.of("1", "2", "3", "other"),
        queued.stream().map(InboundMessage::platformMessageId).toList(),
        "the burst of 3 and the other user's message; 4 and 5 are shed");

    intake.queueOrRefuse("webchat", message("w1", "7"), 0);
    intake.queueOrRefuse("webchat", message("w2", "7"), 0);
    intake.queueOrRefuse("webchat", message("w3", "7"), 0);
    RateLimitedException refused =
        assertThrows(
            RateLimitedException.class,
            () -> intake.queueOrRefuse("webchat", message("w4", "7"), 0));
    assertEquals(1, refused.retryAfterSeconds());
    try (Response response = new ProblemMappers.RateLimited().toResponse(refused)) {
      assertEquals(429, response.getStatus());
      assertEquals("1", response.getHeaderString("Retry-After"));
    }
    assertEquals(7, queued.size(), "w4 was not queued");
  }

  private static IntakeLimits limits(int burst) {
    IntakeLimits limits = new IntakeLimits();
    limits.userBurst = burst;
    limits.userInterval = Duration.ofSeconds(1);
    limits.clientBurst = 1;
    limits.clientInterval = Duration.ZERO;
    limits.sessionsBurst = 1;
    limits.sessionsInterval = Duration.ZERO;
    limits.init();
    return limits;
  }

  private static InboundMessage message(String id) {
    return message(id, "42");
  }

  private static InboundMessage message(String id, String user) {
    return InboundMessage.received(
        "telegram",
        user,
        id,
        InboundMessage.Type.TEXT,
        "hi",
        null,
        null,
        "42",
        id,
        null,
        Instant.now());
  }
}
