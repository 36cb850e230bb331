package org.parley.application;

/**
 * Where webhooks put the messages they accept: durably, in each user's order. A message the
 * platform redelivers is kept once.
 */
public interface InboundQueue {

  /**
   * Queues the message durably before returning.
   *
   * @throws QueueUnavailableException if it could not be queued (the webhook then answers 5xx, so
   *     the platform retries: nothing is acknowledged that is not queued)
   */
  void enqueue(InboundMessage message);

  /** The message could not be queued. */
  class QueueUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
