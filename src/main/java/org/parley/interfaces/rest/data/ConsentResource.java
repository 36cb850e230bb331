package org.parley.interfaces.rest.data;

import static org.parley.interfaces.rest.validation.RequestConstraints.ID;
import static org.parley.interfaces.rest.validation.RequestConstraints.ID_MESSAGE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.application.DialogService;
import org.parley.interfaces.rest.Problem;

/** A user's answer to "may we keep this conversation?". */
@Path("/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DataAPI")
@SecurityRequirement(name = "basic")
public class ConsentResource {

  @Inject DialogService dialogs;

  @POST
  @Path("/{dialogId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("data-writer")
  @Operation(
      summary = "Record the user's consent for a dialog",
      description =
          "true keeps the dialog and makes it visible (repeating it is harmless); false deletes the"
              + " dialog and all of its messages.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.BOOLEAN),
              examples = {
                @ExampleObject(name = "keep", value = "true"),
                @ExampleObject(name = "delete", value = "false")
              }))
  @APIResponse(responseCode = "204", description = "Recorded")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", description = "No or wrong credentials")
  @APIResponse(
      responseCode = "403",
      description = "The user lacks the role",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response consent(
      @PathParam("dialogId") @Pattern(regexp = ID, message = ID_MESSAGE) String dialogId,
      @NotNull(message = "must be the JSON boolean true or false") Boolean consent) {
    dialogs.consent(dialogId, consent);
    return Response.noContent().build();
  }
}
