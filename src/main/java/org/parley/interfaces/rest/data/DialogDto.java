package org.parley.interfaces.rest.data;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Dialog", description = "A customer's dialog with its messages in order.")
@JsonbPropertyOrder({
  "dialogId",
  "customerId",
  "channel",
  "language",
  "consent",
  "status",
  "createdAt",
  "updatedAt",
  "messageCount",
  "messages"
})
public record DialogDto(
    @Schema(example = "order-4711") String dialogId,
    @Schema(example = "telegram-12345") String customerId,
    @Schema(example = "data-api") String channel,
    @Schema(example = "EN", description = "the language of the latest message") String language,
    @Schema(description = "whether the customer agreed to keep it") boolean consent,
    @Schema(enumeration = {"OPEN", "ENDED"}) String status,
    @Schema(format = "date-time", example = "2026-11-23T10:15:30.123Z") Instant createdAt,
    @Schema(format = "date-time", example = "2026-11-23T10:16:02.456Z") Instant updatedAt,
    long messageCount,
    List<MessageDto> messages) {}
