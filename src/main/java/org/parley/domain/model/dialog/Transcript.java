package org.parley.domain.model.dialog;

import java.util.List;

/** A dialog with its messages in order. */
public record Transcript(Dialog dialog, List<Message> messages) {

  public Transcript {
    messages = List.copyOf(messages);
  }
}
