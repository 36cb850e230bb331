package org.parley.interfaces.rest.data;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Message", description = "One message of a dialog, in order (seq).")
@JsonbPropertyOrder({"seq", "direction", "type", "text", "language", "createdAt"})
public record MessageDto(
    @Schema(example = "1") long seq,
    @Schema(enumeration = {"INBOUND", "OUTBOUND"}) String direction,
    @Schema(enumeration = {"TEXT", "IMAGE", "LINK", "QUICK_REPLY", "POSTBACK"}) String type,
    @Schema(example = "Where is my parcel?") String text,
    @Schema(example = "EN") String language,
    @Schema(example = "2026-11-23T10:15:30.123Z", format = "date-time") Instant createdAt) {}
