package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * One page of the conversations list, newest first, and the cursors of the pages around it (null
 * when there is none).
 */
public record ConversationPageDto(List<DialogRowDto> rows, String newerCursor, String olderCursor)
    implements Serializable {

  public ConversationPageDto {
    rows = List.copyOf(rows);
  }
}
