package org.parley.interfaces.rest.data;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.interfaces.rest.JsonRequest;
import org.parley.interfaces.rest.validation.Language;
import org.parley.interfaces.rest.validation.MaxTextLength;

/** The body of {@code POST /data/{customerId}/{dialogId}}: a text and its language. */
@JsonRequest
@Schema(
    name = "TextRequest",
    requiredProperties = {"text", "language"})
public record TextRequestDto(
    @Schema(example = "Where is my parcel?", maxLength = 4096)
        @NotBlank(message = "must be a non-blank string")
        @MaxTextLength
        String text,
    @Schema(example = "EN", description = "ISO 639-1 code, any case; stored upper case")
        @NotNull(message = "is required (an ISO 639-1 code)")
        @Language
        String language) {}
