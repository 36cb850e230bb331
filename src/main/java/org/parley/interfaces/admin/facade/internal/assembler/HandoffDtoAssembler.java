package org.parley.interfaces.admin.facade.internal.assembler;

import java.time.Duration;
import java.time.Instant;
import org.parley.domain.model.handoff.Handoffs;
import org.parley.domain.model.handoff.Handoffs.Handoff;
import org.parley.interfaces.admin.facade.dto.HandoffDto;

/** A handoff as the console shows it. */
public final class HandoffDtoAssembler {

  private HandoffDtoAssembler() {}

  public static HandoffDto toDto(Handoff handoff, Instant now) {
    return new HandoffDto(
        handoff.dialogId(),
        handoff.customerId(),
        handoff.participant().channel(),
        handoff.state() == Handoffs.State.WAITING ? "Waiting" : "Taken",
        ConsoleTimes.format(handoff.since()),
        waited(Duration.between(handoff.since(), now)),
        handoff.admin() == null ? "" : handoff.admin());
  }

  /** "42 s", "3 min 5 s", "2 h 10 min". */
  static String waited(Duration waited) {
    long seconds = Math.max(0, waited.toSeconds());
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
