package org.parley.interfaces.rest;

import jakarta.ws.rs.core.Response;

/**
 * A request body refused before it reaches a use case: too large, not JSON, or of the wrong shape.
 */
public class RequestBodyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Response.Status status;
  private final String type;
  private final String field;

  public RequestBodyException(Response.Status status, String type, String field, String message) {
    super(message);
    this.status = status;
    this.type = type;
    this.field = field;
  }

  public Problem problem() {
    return Problem.of(type, status, getMessage(), field);
  }
}
