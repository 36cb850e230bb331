package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;
import java.util.List;

/** A dialog and its messages in order. */
public record TranscriptDto(DialogRowDto dialog, List<TranscriptLineDto> lines)
    implements Serializable {

  public TranscriptDto {
    lines = List.copyOf(lines);
  }
}
