package org.parley.application;

import java.time.Duration;

/**
 * Sends replies to one platform's API. Implementations guard the call with Fault Tolerance (a
 * timeout, retries, a circuit breaker per platform).
 */
public interface ChannelClient {

  /** The channel this client serves ({@code messenger}, {@code slack}, {@code telegram}, ...). */
  String channel();

  /**
   * Sends the reply; returns the platform's id for the message sent, if it gives one.
   *
   * @throws ChannelUnavailableException when the platform did not take it (after the retries)
   * @throws ReplyRejectedException when the platform refused this reply for good (no retry helps)
   */
  String send(OutboundReply reply);

  /** The platform is down, slow or refusing for now. */
  class ChannelUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChannelUnavailableException(String message) {
      super(message);
    }

    public ChannelUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The platform asked to slow down (429) for this chat or for the bot: no call before {@link
   * #retryAfter()} may succeed, so none is made; it is not the platform being down.
   */
  class ThrottledException extends ChannelUnavailableException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public ThrottledException(String message, Duration retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** The platform refused the reply itself (an unknown chat, a malformed message). */
  class ReplyRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplyRejectedException(String message) {
      super(message);
    }
  }

  /**
   * The platform accepts no reply to this user for now, whatever is sent: WhatsApp's 24-hour
   * customer-service window has closed. Not retried: the reply is recorded as refused, with the
   * reason, and the console shows it.
   */
  class WindowClosedException extends ReplyRejectedException {

    private static final long serialVersionUID = 1L;

    public WindowClosedException(String message) {
      super(message);
    }
  }
}
