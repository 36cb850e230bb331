package org.parley.infrastructure.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  // the registry's shorthand methods search every meter of the server on each call: look once
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  private Counter counter(String name, String... tags) {
    return counters.computeIfAbsent(key(name, tags), k -> registry.counter(name, Tags.of(tags)));
  }

  private Timer timer(String name, String... tags) {
    return timers.computeIfAbsent(key(name, tags), k -> registry.timer(name, Tags.of(tags)));
  }

  private static List<String> key(String name, String... tags) {
    List<String> key = new ArrayList<>(tags.length + 1);
    key.add(name);
    key.addAll(Arrays.asList(tags));
    return key;
  }

  @Override
  public void acknowledged(String channel, int messages, Duration latency) {
    if (messages > 0) {
      counter("parley.messages.in", "channel", channel).increment(messages);
    }
    timer("parley.webhook.ack", "channel", channel).record(latency);
  }

  @Override
  public void answered(String channel) {
    counter("parley.messages.answered", "channel", channel).increment();
  }

  @Override
  public void duplicateDropped(String channel, String stage) {
    counter("parley.duplicates.dropped", "channel", channel, "stage", stage).increment();
  }

  @Override
  public void shed(String channel) {
    counter("parley.messages.shed", "channel", channel).increment();
  }

  @Override
  public void rateLimited(String channel) {
    counter("parley.replies.rate-limited", "channel", channel).increment();
  }

  @Override
  public void refused(String channel) {
    counter("parley.replies.refused", "channel", channel).increment();
  }

  @Override
  public void delivered(String channel, String language, Duration turnLatency) {
    counter("parley.messages.out", "channel", channel).increment();
    if (turnLatency != null && !turnLatency.isNegative()) {
      timer("parley.turn", "channel", channel, "language", language == null ? "unknown" : language)
          .record(turnLatency);
    }
  }

  @Override
  public void deadLettered(String queue) {
    counter("parley.dead.letters", "queue", queue).increment();
  }
}
