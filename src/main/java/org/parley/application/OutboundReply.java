package org.parley.application;

import java.time.Instant;
import java.util.List;
import org.parley.plugin.api.Reply;

/**
 * One reply on its way to a platform: which reply of which turn ({@code replyId}, the key its
 * delivery is recorded under), to whom and where (channel, user, the chat or thread, the message it
 * answers), what to show, and when the user's message arrived (for the turn's latency). {@code
 * resent} marks a reply queued again for a turn that was handled before: it is sent only if it is
 * not recorded as delivered.
 *
 * <p>On several nodes a reply also carries its {@code position} in its user's order and the
 * position of the reply it must follow ({@code after}); both 0 on a single node ({@link
 * UserSequences}).
 */
public record OutboundReply(
    String replyId,
    String channel,
    String userId,
    String conversationRef,
    String replyToRef,
    String language,
    Kind kind,
    String text,
    List<String> options,
    List<Button> buttons,
    String url,
    Instant receivedAt,
    boolean resent,
    long position,
    long after) {

  /** What the platform is asked to show. */
  public enum Kind {
    TEXT,
    QUICK_REPLIES,
    BUTTONS,
    IMAGE,
    LINK
  }

  /** A button: a payload sent back as a postback, or a URL opened. */
  public record Button(String title, String payload, String url) {}

  public OutboundReply {
    options = options == null ? List.of() : List.copyOf(options);
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  /**
   * A reply outside any user's sequence (a factory: JSON-B reads a record through its one
   * constructor).
   */
  public static OutboundReply unsequenced(
      String replyId,
      String channel,
      String userId,
      String conversationRef,
      String replyToRef,
      String language,
      Kind kind,
      String text,
      List<String> options,
      List<Button> buttons,
      String url,
      Instant receivedAt,
      boolean resent) {
    return new OutboundReply(
        replyId,
        channel,
        userId,
        conversationRef,
        replyToRef,
        language,
        kind,
        text,
        options,
        buttons,
        url,
        receivedAt,
        resent,
        0,
        0);
  }

  /** The same reply at {@code position} in its user's order, delivered after {@code after}. */
  public OutboundReply at(long position, long after) {
    return new OutboundReply(
        replyId,
        channel,
        userId,
        conversationRef,
        replyToRef,
        language,
        kind,
        text,
        options,
        buttons,
        url,
        receivedAt,
        resent,
        position,
        after);
  }

  /** The same reply, marked as sent again. */
  public OutboundReply resend() {
    return new OutboundReply(
        replyId,
        channel,
        userId,
        conversationRef,
        replyToRef,
        language,
        kind,
        text,
        options,
        buttons,
        url,
        receivedAt,
        true,
        position,
        after);
  }

  /** The text a platform without buttons shows: the text, then the choices. */
  public String textWithChoices() {
    StringBuilder text = new StringBuilder(this.text == null ? "" : this.text);
    if (kind == Kind.LINK || kind == Kind.IMAGE) {
      return text.isEmpty() ? url : text + "\n" + url;
    }
    List<String> choices =
        kind == Kind.QUICK_REPLIES
            ? options
            : buttons.stream()
                .map(b -> b.url() == null ? b.title() : b.title() + ": " + b.url())
                .toList();
    if (!choices.isEmpty()) {
      text.append(text.isEmpty() ? "" : "\n").append("(").append(String.join(" / ", choices));
      text.append(")");
    }
    return text.toString();
  }

  /** Builds the outbound form of reply {@code index} (1, 2, ...) to {@code to}. */
  public static OutboundReply of(
      String replyId,
      InboundMessage to,
      int index,
      String language,
      Reply reply,
      Instant receivedAt) {
    return of(
            replyId,
            to.channel(),
            to.userId(),
            to.conversationRef(),
            to.replyToRef(),
            language,
            reply,
            receivedAt)
        .at(to.replyPosition(index), to.replyAfter(index));
  }

  /** Builds the outbound form of a plugin's reply. */
  public static OutboundReply of(
      String replyId,
      String channel,
      String userId,
      String conversationRef,
      String replyToRef,
      String language,
      Reply reply,
      Instant receivedAt) {
    Kind kind;
    String text;
    List<String> options = List.of();
    List<Button> buttons = List.of();
    String url = null;
    if (reply instanceof Reply.Text t) {
      kind = Kind.TEXT;
      text = t.text();
    } else if (reply instanceof Reply.QuickReplies q) {
      kind = Kind.QUICK_REPLIES;
      text = q.text();
      options = q.options();
    } else if (reply instanceof Reply.Buttons b) {
      kind = Kind.BUTTONS;
      text = b.text();
      buttons =
          b.buttons().stream()
              .map(
                  button ->
                      new Button(
                          button.title(),
                          button.payload(),
                          button.url() == null ? null : button.url().toString()))
              .toList();
    } else if (reply instanceof Reply.Image i) {
      kind = Kind.IMAGE;
      text = i.caption();
      url = i.url().toString();
    } else {
      Reply.Link l = (Reply.Link) reply;
      kind = Kind.LINK;
      text = l.title();
      url = l.url().toString();
    }
    return unsequenced(
        replyId,
        channel,
        userId,
        conversationRef,
        replyToRef,
        language,
        kind,
        text,
        options,
        buttons,
        url,
        receivedAt,
        false);
  }
}
