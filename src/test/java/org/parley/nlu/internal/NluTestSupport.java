package org.parley.nlu.internal;

import java.util.List;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.parley.nlu.api.TrainingSet;
import org.parley.plugin.internal.BuiltInPlugins;
import org.parley.plugin.internal.TrainingSets;

/** The shipped training data and the language model, loaded once for all NLU tests. */
final class NluTestSupport {

  static final List<String> LANGUAGES = List.of("EN", "DE", "FR", "ES", "IT");
  static final double MIN_CONFIDENCE = 0.25;

  private static LanguageDetectorModel model;

  private NluTestSupport() {}

  static synchronized LanguageDetectorModel languageModel() {
    if (model == null) {
      model = EmbeddedNluEngine.languageModel();
    }
    return model;
  }

  static TrainingSet shippedTraining() {
    return TrainingSets.of(BuiltInPlugins.descriptors());
  }

  static EmbeddedNluEngine engine(TrainingSet training) {
    return new EmbeddedNluEngine(training, languageModel(), LANGUAGES, "EN", MIN_CONFIDENCE);
  }
}
