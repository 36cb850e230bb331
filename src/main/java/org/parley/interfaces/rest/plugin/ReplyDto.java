package org.parley.interfaces.rest.plugin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.plugin.api.Reply;

/** A plugin's reply as JSON: {@code type} says which of the other fields are set. */
@Schema(name = "Reply")
@JsonbPropertyOrder({"type", "text", "options", "buttons", "url", "caption", "title"})
public record ReplyDto(
    @Schema(enumeration = {"text", "quick-replies", "buttons", "image", "link"}) String type,
    String text,
    List<String> options,
    List<ButtonDto> buttons,
    String url,
    String caption,
    String title) {

  /** A button: a payload sent back, or a URL opened. */
  @Schema(name = "Button")
  public record ButtonDto(String title, String payload, String url) {}

  static ReplyDto of(Reply reply) {
    if (reply instanceof Reply.Text text) {
      return new ReplyDto("text", text.text(), null, null, null, null, null);
    }
    if (reply instanceof Reply.QuickReplies quick) {
      return new ReplyDto("quick-replies", quick.text(), quick.options(), null, null, null, null);
    }
    if (reply instanceof Reply.Buttons buttons) {
      List<ButtonDto> dtos =
          buttons.buttons().stream()
              .map(
                  b ->
                      new ButtonDto(
                          b.title(), b.payload(), b.url() == null ? null : b.url().toString()))
              .toList();
      return new ReplyDto("buttons", buttons.text(), null, dtos, null, null, null);
    }
    if (reply instanceof Reply.Image image) {
      return new ReplyDto("image", null, null, null, image.url().toString(), image.caption(), null);
    }
    Reply.Link link = (Reply.Link) reply;
    return new ReplyDto("link", null, null, null, link.url().toString(), null, link.title());
  }
}
