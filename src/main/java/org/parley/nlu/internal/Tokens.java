package org.parley.nlu.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits chat text into word tokens for the classifier, the same way for training and for parsing:
 * lower case, accents removed (so "adiós" and "adios" are one word).
 */
final class Tokens {

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

  private Tokens() {}

  static String[] of(String text) {
    String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    folded = DIACRITICS.matcher(folded).replaceAll("");
    return Arrays.stream(NON_WORD.split(folded))
        .filter(token -> !token.isEmpty())
        .toArray(String[]::new);
  }
}
