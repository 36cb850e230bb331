package org.parley.interfaces.webhook.slack;

import org.parley.application.InboundMessage;

/** What a Slack Events API request is: the URL check, a user's message, or something to ignore. */
public sealed interface SlackEvent {

  /** Slack checks the endpoint: answer with the challenge. */
  record UrlVerification(String challenge) implements SlackEvent {}

  /** A user's message, to answer. */
  record UserMessage(InboundMessage message) implements SlackEvent {}

  /** Accepted but not answered (the bot's own messages, edits, other event types), and why. */
  record Ignored(String reason) implements SlackEvent {}
}
