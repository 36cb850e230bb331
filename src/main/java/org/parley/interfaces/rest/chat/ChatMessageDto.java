package org.parley.interfaces.rest.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.interfaces.rest.JsonRequest;
import org.parley.interfaces.rest.validation.MaxTextLength;

/**
 * A web chat message: its text, the browser's id for it (the same id is answered once), and the
 * payload of a tapped choice.
 */
@JsonRequest
@Schema(
    name = "ChatMessage",
    requiredProperties = {"text", "clientMessageId"})
public record ChatMessageDto(
    @Schema(example = "Hello")
        @NotBlank(message = "is required and must not be blank")
        @MaxTextLength
        String text,
    @Schema(example = "m-1")
        @NotNull(message = "is required: 1 to 64 of A-Z a-z 0-9 . _ -")
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 of A-Z a-z 0-9 . _ -")
        String clientMessageId,
    @Schema(description = "the payload of the choice tapped, if one was")
        @Size(max = 1000, message = "must not be longer than 1000 characters")
        String payload) {}
