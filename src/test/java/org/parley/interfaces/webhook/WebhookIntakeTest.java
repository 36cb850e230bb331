package org.parley.interfaces.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.application.InboundMessage;
import org.parley.application.InboundQueue;
import org.parley.application.PipelineMetrics;
import org.parley.interfaces.rest.ProblemMappers;

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
    intake.metrics = new NoMetrics();

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

  private static InboundMessage message(String id) {
    return new InboundMessage(
        "telegram",
        "42",
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

  private static final class NoMetrics implements PipelineMetrics {
    @Override
    public void acknowledged(String channel, int messages, java.time.Duration latency) {}

    @Override
    public void answered(String channel) {}

    @Override
    public void duplicateDropped(String channel, String stage) {}

    @Override
    public void delivered(String channel, String language, java.time.Duration turnLatency) {}

    @Override
    public void deadLettered(String queue) {}
  }
}
