package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * The list's filters as typed (blank = any): channel, customer id prefix, language (ISO 639-1),
 * consent state name, dates {@code yyyy-MM-dd} (UTC, both days included) and a text.
 */
public record ConversationFilterDto(
    String channel,
    String customer,
    String language,
    String consent,
    String from,
    String to,
    String text)
    implements Serializable {

  /** The channels a dialog can come from: the platforms, the web chat and the DataAPI. */
  public static final List<String> CHANNELS =
      List.of("messenger", "slack", "teams", "telegram", "whatsapp", "webchat", "data-api");
}
