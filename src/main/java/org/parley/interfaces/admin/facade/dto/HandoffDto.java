package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;

/**
 * A conversation handed to a person as the console shows it: its dialog and customer, the channel,
 * {@code state} "Waiting" or "Taken", since when (UTC, as the screens print times), for how long,
 * and the admin who holds it (empty while waiting).
 */
public record HandoffDto(
    String dialogId,
    String customerId,
    String channel,
    String state,
    String since,
    String waited,
    String admin)
    implements Serializable {

  public boolean waiting() {
    return "Waiting".equals(state);
  }

  /** The line the transcript page shows about the conversation's handoff (or its absence). */
  public static String describe(HandoffDto handoff) {
    if (handoff == null) {
      return "The bot answers this conversation.";
    }
    if (handoff.waiting()) {
      return "Waiting for a person since " + handoff.since() + " UTC (" + handoff.waited() + ").";
    }
    return "Taken over by " + handoff.admin() + " since " + handoff.since() + " UTC.";
  }
}
