package org.parley.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

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
    Response.StatusType status = original.getStatusInfo();
    String type = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    Response.ResponseBuilder answer =
        Response.fromResponse(original)
            .type(Problem.PROBLEM_JSON)
            .entity(Problem.of(type, status, detail(status), null));
    return answer.build();
  }

  private static String detail(Response.StatusType status) {
    return switch (status.getStatusCode()) {
      case 401 -> "Credentials are required";
      case 403 -> "The user lacks the role this operation needs";
      case 404 -> "No resource at this path";
      case 405 -> "This method is not allowed here";
      case 406 -> "Parley cannot answer in an accepted media type";
      case 415 -> "The body must be application/json";
      default -> status.getReasonPhrase();
    };
  }
}
