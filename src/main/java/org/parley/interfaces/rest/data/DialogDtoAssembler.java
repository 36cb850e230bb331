package org.parley.interfaces.rest.data;

import java.util.List;
import org.parley.domain.model.dialog.Dialog;
import org.parley.domain.model.dialog.DialogPage;
import org.parley.domain.model.dialog.Message;
import org.parley.domain.model.dialog.Transcript;

/** Turns transcripts into the DataAPI's JSON shapes. */
final class DialogDtoAssembler {

  private DialogDtoAssembler() {}

  static DialogDto toDto(Transcript transcript) {
    Dialog dialog = transcript.dialog();
    List<MessageDto> messages =
        transcript.messages().stream().map(DialogDtoAssembler::toDto).toList();
    return new DialogDto(
        dialog.id(),
        dialog.customerId(),
        dialog.channel(),
        dialog.language(),
        dialog.consent(),
        dialog.status() == null ? null : dialog.status().name(),
        dialog.createdAt(),
        dialog.updatedAt(),
        dialog.messageCount(),
        messages);
  }

  static DialogPageDto toDto(DialogPage page, int number, int size) {
    return new DialogPageDto(
        page.items().stream().map(DialogDtoAssembler::toDto).toList(), number, size, page.total());
  }

  private static MessageDto toDto(Message message) {
    return new MessageDto(
        message.seq(),
        message.direction() == null ? null : message.direction().name(),
        message.type() == null ? null : message.type().name(),
        message.text(),
        message.language(),
        message.createdAt());
  }
}
