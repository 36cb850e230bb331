package org.parley.interfaces.webhook;

/** A signed webhook body that is not what the platform sends. */
public class MalformedPayloadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedPayloadException(String message) {
    super(message);
  }

  public MalformedPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
