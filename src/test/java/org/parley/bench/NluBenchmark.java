package org.parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.TrainingSet;
import org.parley.nlu.internal.EmbeddedNluEngine;
import org.parley.plugin.internal.BuiltInPlugins;
import org.parley.plugin.internal.TrainingSets;

/**
 * The embedded NLU engine's speed: training time, parses per second and latency percentiles on one
 * thread and on all cores, over the shipped utterances and chat samples. Run by
 * bench/nlu-benchmark.sh.
 */
public final class NluBenchmark {

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    TrainingSet training = TrainingSets.of(BuiltInPlugins.descriptors());
    long start = System.nanoTime();
    var model = EmbeddedNluEngine.languageModel();
    long modelMs = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    EmbeddedNluEngine engine =
        new EmbeddedNluEngine(training, model, List.of("EN", "DE", "FR", "ES", "IT"), "EN", 0.25);
    long trainMs = (System.nanoTime() - start) / 1_000_000;
    List<String> messages = messages(training);
    System.out.printf(
        "Language model loaded in %d ms; %d intents, %d utterances trained in %d ms%n",
        modelMs,
        training.utterances().size(),
        training.utterances().values().stream().mapToInt(List::size).sum(),
        trainMs);

    for (int i = 0; i < 3; i++) { // warm-up
      messages.forEach(m -> engine.parse(m, NluContext.none()));
    }
    long[] latencies = new long[messages.size() * rounds];
    int n = 0;
    long total = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (String message : messages) {
        long t = System.nanoTime();
        engine.parse(message, NluContext.none());
        latencies[n++] = System.nanoTime() - t;
      }
    }
    double seconds = (System.nanoTime() - total) / 1e9;
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "1 thread: %d parses in %.2f s = %.0f parses/s; latency p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        n,
        seconds,
        n / seconds,
        latencies[n / 2] / 1e6,
        latencies[(int) (n * 0.99)] / 1e6,
        latencies[n - 1] / 1e6);

    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long parallel = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int r = 0; r < rounds; r++) {
                  messages.forEach(m -> engine.parse(m, NluContext.none()));
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double parallelSeconds = (System.nanoTime() - parallel) / 1e9;
    int parallelParses = threads * rounds * messages.size();
    System.out.printf(
        Locale.ROOT,
        "%d threads: %d parses in %.2f s = %.0f parses/s%n",
        threads,
        parallelParses,
        parallelSeconds,
        parallelParses / parallelSeconds);
  }

  /** Every shipped utterance and every chat sample (EN, DE, FR, ES, IT). */
  private static List<String> messages(TrainingSet training) throws IOException {
    List<String> messages = new ArrayList<>();
    training.utterances().values().forEach(messages::addAll);
    try (InputStream in = NluBenchmark.class.getResourceAsStream("/nlu/language-samples.tsv")) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", 2)[1])
          .forEach(messages::add);
    }
    return messages;
  }

  private NluBenchmark() {}
}
