package org.parley.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.plugin.api.Reply;

class OutboundReplyTest {

  @Test
  void eachKindOfReplyIsCarriedAndWrittenOutForTextOnlyPlatforms() {
    OutboundReply quick = reply(new Reply.QuickReplies("May I keep it?", List.of("Yes", "No")));
    assertEquals(OutboundReply.Kind.QUICK_REPLIES, quick.kind());
    assertEquals("May I keep it?\n(Yes / No)", quick.textWithChoices());

    OutboundReply buttons =
        reply(
            new Reply.Buttons(
                "Pick one",
                List.of(
                    new Reply.Button("Build", "build", null),
                    new Reply.Button("Docs", null, URI.create("https://parley.org/docs")))));
    assertEquals("Pick one\n(Build / Docs: https://parley.org/docs)", buttons.textWithChoices());
    assertEquals("build", buttons.buttons().get(0).payload());

    OutboundReply link = reply(new Reply.Link(URI.create("https://parley.org"), "Parley"));
    assertEquals("Parley\nhttps://parley.org", link.textWithChoices());
    OutboundReply image = reply(new Reply.Image(URI.create("https://parley.org/a.png"), null));
    assertEquals("https://parley.org/a.png", image.textWithChoices());
    assertEquals("plain", reply(new Reply.Text("plain")).textWithChoices());
  }

  @Test
  void aResentCopyDiffersOnlyInTheMark() {
    OutboundReply original = reply(new Reply.Text("hi"));
    OutboundReply copy = original.resend();
    assertEquals(true, copy.resent());
    assertEquals(
        original,
        OutboundReply.unsequenced(
            copy.replyId(),
            copy.channel(),
            copy.userId(),
            copy.conversationRef(),
            copy.replyToRef(),
            copy.language(),
            copy.kind(),
            copy.text(),
            copy.options(),
            copy.buttons(),
            copy.url(),
            copy.receivedAt(),
            false));
  }

  private static OutboundReply reply(Reply reply) {
    return OutboundReply.of("t/1", "telegram", "42", "42", "7", "EN", reply, null);
  }
}
