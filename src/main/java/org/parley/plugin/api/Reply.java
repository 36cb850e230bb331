package org.parley.plugin.api;

import java.net.URI;
import java.util.List;

/** What a plugin answers: text, a text with quick replies or buttons, an image, or a link. */
public sealed interface Reply {

  /** Plain text. */
  record Text(String text) implements Reply {}

  /** A question with short answers the user can tap (they come back as the user's next message). */
  record QuickReplies(String text, List<String> options) implements Reply {
    public QuickReplies {
      options = List.copyOf(options);
    }
  }

  /** A text with buttons that send a payload back or open a URL. */
  record Buttons(String text, List<Button> buttons) implements Reply {
    public Buttons {
      buttons = List.copyOf(buttons);
    }
  }

  /** One button: either a payload sent back as a postback, or a URL opened. */
  record Button(String title, String payload, URI url) {}

  /** An image with an optional caption. */
  record Image(URI url, String caption) implements Reply {}

  /** A link with a title. */
  record Link(URI url, String title) implements Reply {}
}
