package org.parley.interfaces.rest.data;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DialogPage", description = "One page of consented dialogs, newest data first.")
@JsonbPropertyOrder({"items", "page", "size", "total"})
public record DialogPageDto(
    List<DialogDto> items,
    @Schema(example = "1") int page,
    @Schema(example = "20") int size,
    @Schema(example = "137", description = "dialogs matching the filters, on all pages")
        long total) {}
