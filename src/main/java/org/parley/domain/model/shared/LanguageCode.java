package org.parley.domain.model.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** ISO 639-1 language codes, stored upper case ({@code EN}, {@code DE}). */
public final class LanguageCode {

  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  private LanguageCode() {}

  /** The code in upper case if {@code code} is an ISO 639-1 code in any case; empty otherwise. */
  public static Optional<String> normalize(String code) {
    if (code == null || code.length() != 2) {
      return Optional.empty();
    }
    String lower = code.toLowerCase(Locale.ROOT);
    return ISO_639_1.contains(lower)
        ? Optional.of(lower.toUpperCase(Locale.ROOT))
        : Optional.empty();
  }
}
