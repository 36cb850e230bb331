package org.parley.interfaces.rest.data;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /data/{customerId}/{dialogId}}; documents it (the resource reads it
 * strictly).
 */
@Schema(
    name = "TextRequest",
    requiredProperties = {"text", "language"})
public record TextRequestDto(
    @Schema(example = "Where is my parcel?", maxLength = 4096) String text,
    @Schema(example = "EN", description = "ISO 639-1 code, any case; stored upper case")
        String language) {}
