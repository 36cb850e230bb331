package org.parley.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.parley.application.PipelineMetrics;

/**
 * The pipeline's figures in WildFly's Micrometer registry, scraped as Prometheus text at the
 * management port's {@code /metrics}: {@code parley_messages_in_total}, {@code
 * parley_messages_answered_total}, {@code parley_messages_out_total}, {@code
 * parley_duplicates_dropped_total}, {@code parley_dead_letters_total}, and the timers {@code
 * parley_webhook_ack_seconds} and {@code parley_turn_seconds} (received → reply delivered) as
 * count, sum and max.
 *
 * <p>Only the registry's shorthand methods ({@code counter(name, tags)}, {@code timer(name, tags)})
 * reach WildFly's exported registry: the registry a deployment is given forwards those, tagged with
 * the deployment, while meters built with {@code Counter.builder(..).register(..)} stay in the
 * deployment's own, unexported registry. So no histogram buckets here; percentiles of the turn time
 * come from the stored turns (their received and delivered times).
 */
@ApplicationScoped
public class MicrometerPipelineMetrics implements PipelineMetrics {

  @Inject MeterRegistry registry;

  @Override
  public void acknowledged(String channel, int messages, Duration latency) {
    if (messages > 0) {
      registry.counter("parley.messages.in", Tags.of("channel", channel)).increment(messages);
    }
    registry.timer("parley.webhook.ack", Tags.of("channel", channel)).record(latency);
  }

  @Override
  public void answered(String channel) {
    registry.counter("parley.messages.answered", Tags.of("channel", channel)).increment();
  }

  @Override
  public void duplicateDropped(String channel, String stage) {
    registry
        .counter("parley.duplicates.dropped", Tags.of("channel", channel, "stage", stage))
        .increment();
  }

  @Override
  public void delivered(String channel, String language, Duration turnLatency) {
    registry.counter("parley.messages.out", Tags.of("channel", channel)).increment();
    if (turnLatency != null && !turnLatency.isNegative()) {
      registry
          .timer(
              "parley.turn",
              Tags.of("channel", channel, "language", language == null ? "unknown" : language))
          .record(turnLatency);
    }
  }

  @Override
  public void deadLettered(String queue) {
    registry.counter("parley.dead.letters", Tags.of("queue", queue)).increment();
  }
}
