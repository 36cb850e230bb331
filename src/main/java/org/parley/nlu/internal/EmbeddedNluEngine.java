package org.parley.nlu.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.NluEngine;
import org.parley.nlu.api.NluResult;
import org.parley.nlu.api.NluResult.IntentScore;
import org.parley.nlu.api.TrainingSet;

/**
 * Parley's own NLU, trained from the enabled plugins' training data when it is built: intents by
 * the OpenNLP categorizer (below the minimum confidence the intent is {@code fallback}), entities
 * by dictionary and pattern, the language by OpenNLP's detector. Thread-safe.
 */
public final class EmbeddedNluEngine implements NluEngine {

  private static final int ALTERNATIVES = 3;

  private final IntentClassifier classifier;
  private final EntityExtractor entities;
  private final LanguageGuesser languages;
  private final double minConfidence;

  public EmbeddedNluEngine(
      TrainingSet training,
      LanguageDetectorModel languageModel,
      List<String> supportedLanguages,
      String defaultLanguage,
      double minConfidence) {
    this.classifier = IntentClassifier.train(training.utterances());
    this.entities = new EntityExtractor(training.entities(), () -> LocalDate.now(ZoneOffset.UTC));
    this.languages = new LanguageGuesser(languageModel, supportedLanguages, defaultLanguage);
    this.minConfidence = minConfidence;
  }

  /** The language model, loaded once per process by whoever builds engines. */
  public static LanguageDetectorModel languageModel() {
    return LanguageGuesser.loadModel();
  }

  @Override
  public String language(String text, NluContext context) {
    return languages.detect(text == null ? "" : text, context.languageHint());
  }

  @Override
  public NluResult parse(String text, NluContext context) {
    String message = text == null ? "" : text;
    String language = languages.detect(message, context.languageHint());
    if (message.isBlank()) {
      return new NluResult(language, NluResult.FALLBACK, 0, List.of(), List.of());
    }
    List<IntentScore> scores = classifier.classify(message);
    IntentScore best = scores.get(0);
    List<IntentScore> others = scores.subList(1, Math.min(scores.size(), ALTERNATIVES + 1));
    if (best.confidence() < minConfidence) {
      return new NluResult(
          language,
          NluResult.FALLBACK,
          best.confidence(),
          entities.extract(message),
          scores.subList(0, Math.min(scores.size(), ALTERNATIVES)));
    }
    return new NluResult(
        language, best.intent(), best.confidence(), entities.extract(message), others);
  }
}
