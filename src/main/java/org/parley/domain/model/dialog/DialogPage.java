package org.parley.domain.model.dialog;

import java.util.List;

/** One page of transcripts and how many match the query in all. */
public record DialogPage(List<Transcript> items, long total) {

  public DialogPage {
    items = List.copyOf(items);
  }
}
