package org.parley.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error Parley answers. {@code type} is stable and
 * names the kind of problem; {@code field} names the input that was wrong, when one was.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonbPropertyOrder({"type", "title", "status", "detail", "field"})
public record Problem(
    @Schema(example = "https://parley.org/problems/invalid-input") URI type,
    @Schema(example = "Bad Request") String title,
    @Schema(example = "400") int status,
    @Schema(example = "text must be a non-blank string") String detail,
    @Schema(example = "text", description = "the input that was wrong, when one was")
        String field) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  private static final String TYPE_BASE = "https://parley.org/problems/";

  public static Problem of(String type, Response.StatusType status, String detail, String field) {
    return new Problem(
        URI.create(TYPE_BASE + type),
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        field);
  }

  /**
   * The problem for a refusal that says nothing but its status (JAX-RS's own, the container's): the
   * type is the status's reason phrase, the detail a fixed text. Nothing of the request is echoed.
   */
  public static Problem forStatus(Response.StatusType status) {
    String type = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    String detail =
        switch (status.getStatusCode()) {
          case 401 -> "Credentials are required";
          case 403 -> "The user lacks the role this operation needs";
          case 404 -> "No resource at this path";
          case 405 -> "This method is not allowed here";
          case 406 -> "Parley cannot answer in an accepted media type";
          case 413 -> "The body is too large";
          case 415 -> "The body must be application/json";
          case 500 -> "Parley could not complete the request; it has been logged";
          default -> status.getReasonPhrase();
        };
    return of(type, status, detail, null);
  }

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }
}
