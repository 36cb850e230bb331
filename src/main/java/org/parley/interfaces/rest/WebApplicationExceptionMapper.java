package org.parley.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS' own refusals (unknown path, wrong method, unsupported media type, ...) as problem+json
 * with the same status, instead of the container's HTML page. The exception's message is not passed
 * on: JAX-RS puts the request URL in it, and an error body does not echo input back.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    return Response.fromResponse(original)
        .type(Problem.PROBLEM_JSON)
        .entity(Problem.forStatus(original.getStatusInfo()))
        .build();
  }
}
