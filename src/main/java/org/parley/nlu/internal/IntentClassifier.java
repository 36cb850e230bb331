package org.parley.nlu.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.parley.nlu.api.NluResult.IntentScore;

/**
 * Intents from OpenNLP's maximum-entropy document categorizer over words and word pairs, trained
 * once from the plugins' utterances. Training is deterministic: the same utterances give the same
 * model. Thread-safe: each call uses its own categorizer over the shared model.
 */
final class IntentClassifier {

  /** A categorizer is not documented as thread-safe; the model is. One per thread, sharing it. */
  private final ThreadLocal<DocumentCategorizerME> categorizers;

  private IntentClassifier(DoccatModel model) {
    this.categorizers = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
  }

  static IntentClassifier train(Map<String, List<String>> utterances) {
    if (utterances.size() < 2) {
      throw new IllegalArgumentException("An intent classifier needs at least two intents");
    }
    List<DocumentSample> samples = new ArrayList<>();
    utterances.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry ->
                entry
                    .getValue()
                    .forEach(
                        utterance ->
                            samples.add(new DocumentSample(entry.getKey(), Tokens.of(utterance)))));
    TrainingParameters parameters = TrainingParameters.defaultParams();
    parameters.put(TrainingParameters.ITERATIONS_PARAM, 1000);
    parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
    try {
      DoccatFactory factory =
          new DoccatFactory(
              new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new CharacterNgramFeatures()
              });
      return new IntentClassifier(
          DocumentCategorizerME.train(
              "und", new CollectionObjectStream<>(samples), parameters, factory));
    } catch (IOException e) {
      throw new UncheckedIOException("Training the intent classifier failed", e);
    }
  }

  /** Every intent with its probability, most likely first. */
  List<IntentScore> classify(String text) {
    DocumentCategorizerME categorizer = categorizers.get();
    double[] outcomes = categorizer.categorize(Tokens.of(text));
    List<IntentScore> scores = new ArrayList<>(outcomes.length);
    for (int i = 0; i < outcomes.length; i++) {
      scores.add(new IntentScore(categorizer.getCategory(i), outcomes[i]));
    }
    scores.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
    return scores;
  }
}
