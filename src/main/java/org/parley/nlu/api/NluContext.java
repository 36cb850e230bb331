package org.parley.nlu.api;

import java.util.Optional;

/** What is known about a message besides its text: the platform's locale for the user, if any. */
public record NluContext(Optional<String> languageHint) {

  public static NluContext none() {
    return new NluContext(Optional.empty());
  }

  /** A hint such as {@code de}, {@code de_DE} or {@code de-DE}; only the language part counts. */
  public static NluContext withLocale(String locale) {
    return new NluContext(Optional.ofNullable(locale).filter(l -> !l.isBlank()));
  }
}
