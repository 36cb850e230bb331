package org.parley.nlu.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character trigrams of each word (with its boundaries), so the classifier also recognises words it
 * has not seen but that look like ones it has: inflections, typos, greetings across languages.
 */
public class CharacterNgramFeatures implements FeatureGenerator {

  private static final int N = 3;

  @Override
  public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>();
    for (String token : tokens) {
      String word = "^" + token + "$";
      for (int i = 0; i + N <= word.length(); i++) {
        features.add("c=" + word.substring(i, i + N));
      }
    }
    return features;
  }
}
