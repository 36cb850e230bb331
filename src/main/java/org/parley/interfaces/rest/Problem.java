package org.parley.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

  public Response toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this).build();
  }
}
