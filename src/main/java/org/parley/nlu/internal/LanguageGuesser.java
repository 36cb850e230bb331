package org.parley.nlu.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a message with OpenNLP's 103-language model, narrowed to the languages Parley
 * speaks. The platform's locale counts as a hint (it doubles that language's score). A message of
 * one or two words says too little: it gets the hint's language, or the default.
 */
final class LanguageGuesser {

  static final String MODEL = "/langdetect-183.bin";
  private static final int MIN_WORDS = 3;

  private final LanguageDetectorModel model;
  private final Set<String> supported;
  private final String defaultLanguage;
  private final Map<String, String> iso3ToIso1;

  LanguageGuesser(LanguageDetectorModel model, List<String> supported, String defaultLanguage) {
    this.model = model;
    this.supported =
        supported.stream()
            .map(code -> code.strip().toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    this.defaultLanguage = defaultLanguage.toUpperCase(Locale.ROOT);
    this.iso3ToIso1 = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      iso3ToIso1.put(new Locale(iso1).getISO3Language(), iso1.toUpperCase(Locale.ROOT));
    }
  }

  /** Loads the model shipped in opennlp-models-langdetect (10 MB; load once). */
  static LanguageDetectorModel loadModel() {
    try (InputStream in = LanguageGuesser.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException(
            "The language model " + MODEL + " is not on the class path");
      }
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the language model", e);
    }
  }

  String detect(String text, Optional<String> hint) {
    Optional<String> hinted = hint.map(LanguageGuesser::languagePart).filter(supported::contains);
    if (Tokens.of(text).length < MIN_WORDS) {
      return hinted.orElse(defaultLanguage);
    }
    Language[] candidates = new LanguageDetectorME(model).predictLanguages(text);
    String best = null;
    double bestScore = -1;
    for (Language candidate : candidates) {
      String iso1 = iso3ToIso1.get(candidate.getLang());
      if (iso1 == null || !supported.contains(iso1)) {
        continue;
      }
      double score = candidate.getConfidence() * (hinted.filter(iso1::equals).isPresent() ? 2 : 1);
      if (score > bestScore) {
        bestScore = score;
        best = iso1;
      }
    }
    return best == null ? hinted.orElse(defaultLanguage) : best;
  }

  private static String languagePart(String locale) {
    String language = locale.strip().split("[-_]", 2)[0];
    return language.toUpperCase(Locale.ROOT);
  }
}
