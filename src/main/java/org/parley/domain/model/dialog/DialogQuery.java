package org.parley.domain.model.dialog;

import java.util.Optional;

/** Which consented dialogs to list: optional filters and a page (from 1) of a given size. */
public record DialogQuery(
    Optional<String> language, Optional<String> customerId, int page, int size) {

  public long skip() {
    return (long) (page - 1) * size;
  }
}
