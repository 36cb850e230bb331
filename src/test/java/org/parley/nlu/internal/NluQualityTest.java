package org.parley.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.NluResult;
import org.parley.nlu.api.TrainingSet;

/**
 * Measures the embedded engine on data it never trained on, and prints the figures: intents on a
 * held-out fifth of the shipped training data, languages on shipped short chat messages.
 */
class NluQualityTest {

  private static final Logger LOG = Logger.getLogger(NluQualityTest.class.getName());

  @Test
  void intentAccuracyOnHeldOutUtterancesIsAtLeast90Percent() {
    TrainingSet shipped = NluTestSupport.shippedTraining();
    Map<String, List<String>> train = new LinkedHashMap<>();
    Map<String, List<String>> heldOut = new LinkedHashMap<>();
    shipped
        .utterances()
        .forEach(
            (intent, utterances) -> {
              for (int i = 0; i < utterances.size(); i++) {
                (i % 5 == 2 ? heldOut : train)
                    .computeIfAbsent(intent, k -> new ArrayList<>())
                    .add(utterances.get(i));
              }
            });
    EmbeddedNluEngine engine = NluTestSupport.engine(new TrainingSet(train, shipped.entities()));

    Map<String, int[]> counts =
        new TreeMap<>(); // intent -> {true positive, false positive, false negative}
    int right = 0;
    int total = 0;
    List<String> misses = new ArrayList<>();
    for (var entry : heldOut.entrySet()) {
      for (String utterance : entry.getValue()) {
        NluResult parsed = engine.parse(utterance, NluContext.none());
        String predicted = parsed.intent();
        total++;
        if (predicted.equals(entry.getKey())) {
          right++;
          counts.computeIfAbsent(predicted, k -> new int[3])[0]++;
        } else {
          counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
          counts.computeIfAbsent(entry.getKey(), k -> new int[3])[2]++;
          misses.add(
              String.format(
                  Locale.ROOT,
                  "'%s' %s -> %s (%.2f; best %s)",
                  utterance,
                  entry.getKey(),
                  predicted,
                  parsed.confidence(),
                  parsed.isFallback() ? parsed.alternatives().get(0).intent() : predicted));
        }
      }
    }
    double accuracy = (double) right / total;
    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Intent accuracy on %d held-out utterances: %.1f%%%n%-16s %9s %9s%n",
                total,
                100 * accuracy,
                "intent",
                "precision",
                "recall"));
    counts.forEach(
        (intent, c) ->
            report.append(
                String.format(
                    Locale.ROOT,
                    "%-16s %8.1f%% %8.1f%%%n",
                    intent,
                    c[0] + c[1] == 0 ? 0 : 100.0 * c[0] / (c[0] + c[1]),
                    c[0] + c[2] == 0 ? 0 : 100.0 * c[0] / (c[0] + c[2]))));
    misses.forEach(miss -> report.append("  missed: ").append(miss).append('\n'));
    LOG.info(report::toString);
    System.out.print(report); // the figures belong in the test output

    assertTrue(accuracy >= 0.90, report.toString());
  }

  @Test
  void languageDetectionOnShortChatMessagesIsAtLeast90Percent() throws IOException {
    EmbeddedNluEngine engine = engine();
    Map<String, int[]> perLanguage = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int right = 0;
    int total = 0;
    for (String[] sample : samples()) {
      String detected = engine.parse(sample[1], NluContext.none()).language();
      int[] c = perLanguage.computeIfAbsent(sample[0], k -> new int[2]);
      c[1]++;
      total++;
      if (detected.equals(sample[0])) {
        c[0]++;
        right++;
      } else {
        misses.add("'" + sample[1] + "' " + sample[0] + " -> " + detected);
      }
    }
    double accuracy = (double) right / total;
    StringBuilder report =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Language detection on %d short chat messages: %.1f%%%n",
                total,
                100 * accuracy));
    perLanguage.forEach(
        (language, c) ->
            report.append(String.format(Locale.ROOT, "  %s %d/%d%n", language, c[0], c[1])));
    misses.forEach(miss -> report.append("  missed: ").append(miss).append('\n'));
    System.out.print(report);

    assertTrue(accuracy >= 0.90, report.toString());
  }

  private static List<String[]> samples() throws IOException {
    try (InputStream in = NluQualityTest.class.getResourceAsStream("/nlu/language-samples.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", 2))
          .toList();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "purple elephants sing quietly",
        "asdf qwertz",
        "the cat sat on the mat",
        "what is the capital of peru"
      })
  void whatNoPluginHandlesIsFallbackWithTheCandidatesAsAlternatives(String text) {
    NluResult result = engine().parse(text, NluContext.none());

    // either the out-of-scope intent the small-talk plugin trains, or nothing likely enough
    assertTrue(result.isFallback(), result.toString());
    assertFalse(result.alternatives().isEmpty(), "what it might have been");
    assertTrue(result.entities().isEmpty(), result.toString());
  }

  private static EmbeddedNluEngine engine;

  private static synchronized EmbeddedNluEngine engine() {
    if (engine == null) {
      engine = NluTestSupport.engine(NluTestSupport.shippedTraining());
    }
    return engine;
  }
}
