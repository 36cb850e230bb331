package org.parley.interfaces.rest.data;

import static org.parley.interfaces.rest.validation.RequestConstraints.ID;
import static org.parley.interfaces.rest.validation.RequestConstraints.ID_MESSAGE;
import static org.parley.interfaces.rest.validation.RequestConstraints.REQUEST_KEY;
import static org.parley.interfaces.rest.validation.RequestConstraints.REQUEST_KEY_MESSAGE;
import static org.parley.interfaces.rest.validation.RequestConstraints.WHOLE_NUMBER;
import static org.parley.interfaces.rest.validation.RequestConstraints.WHOLE_NUMBER_MESSAGE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.application.DialogService;
import org.parley.application.DialogService.Recorded;
import org.parley.application.UnknownDialogException;
import org.parley.domain.model.dialog.Appended;
import org.parley.domain.model.dialog.DialogPage;
import org.parley.interfaces.rest.Problem;
import org.parley.interfaces.rest.validation.Language;

/** The DataAPI: other systems store what users said, and read back what users agreed to keep. */
@Path("/data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DataAPI", description = "Consent-gated dialogs")
@SecurityRequirement(name = "basic")
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(
    responseCode = "403",
    description = "The user lacks the role",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DataResource {

  @Inject DialogService dialogs;

  @POST
  @Path("/{customerId}/{dialogId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("data-writer")
  @Operation(
      summary = "Store a text as the next message of a dialog",
      description =
          "Opens the dialog (without consent) when it is new. An Idempotency-Key makes a retried"
              + " request store its text once; the retry answers 200 with the dialog as it is.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TextRequestDto.class),
              examples =
                  @ExampleObject(
                      name = "text",
                      value = "{\"text\": \"Where is my parcel?\", \"language\": \"EN\"}")))
  @APIResponse(
      responseCode = "201",
      description = "A new dialog, with its first message",
      content = @Content(schema = @Schema(implementation = DialogDto.class)))
  @APIResponse(
      responseCode = "200",
      description = "The text was added to the dialog (or had been, for a repeated key)",
      content = @Content(schema = @Schema(implementation = DialogDto.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response append(
      @Parameter(example = "telegram-12345")
          @PathParam("customerId")
          @Pattern(regexp = ID, message = ID_MESSAGE)
          String customerId,
      @Parameter(example = "order-4711")
          @PathParam("dialogId")
          @Pattern(regexp = ID, message = ID_MESSAGE)
          String dialogId,
      @Parameter(
              in = ParameterIn.HEADER,
              description = "Any unique string per logical request, up to 255 visible characters")
          @HeaderParam("Idempotency-Key")
          @Pattern(regexp = REQUEST_KEY, message = REQUEST_KEY_MESSAGE)
          String idempotencyKey,
      @NotNull(message = "is required: {\"text\": ..., \"language\": ...}") @Valid
          TextRequestDto body) {
    Recorded recorded =
        dialogs.record(customerId, dialogId, body.text(), body.language(), idempotencyKey);
    DialogDto dialog = DialogDtoAssembler.toDto(recorded.transcript());
    if (recorded.outcome() == Appended.OPENED_DIALOG) {
      return Response.created(
              UriBuilder.fromResource(DataResource.class)
                  .path("{customerId}/{dialogId}")
                  .build(customerId, dialogId))
          .entity(dialog)
          .build();
    }
    return Response.ok(dialog).build();
  }

  @GET
  @RolesAllowed("data-reader")
  @Operation(
      summary = "List consented dialogs",
      description =
          "Newest data first (updatedAt descending, then dialogId). Link headers point to the next"
              + " and previous pages.")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = DialogPageDto.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public Response list(
      @Parameter(description = "ISO 639-1 code, any case", example = "EN")
          @QueryParam("language")
          @Language
          String language,
      @Parameter(example = "telegram-12345")
          @QueryParam("customerId")
          @Pattern(regexp = ID, message = ID_MESSAGE)
          String customerId,
      @Parameter(description = "from 1", schema = @Schema(defaultValue = "1", minimum = "1"))
          @QueryParam("page")
          @DefaultValue("1")
          @Pattern(regexp = WHOLE_NUMBER, message = WHOLE_NUMBER_MESSAGE)
          @Min(value = 1, message = "must be 1 or more")
          String page,
      @Parameter(
              description = "1 to 100",
              schema = @Schema(defaultValue = "20", minimum = "1", maximum = "100"))
          @QueryParam("size")
          @DefaultValue("20")
          @Pattern(regexp = WHOLE_NUMBER, message = WHOLE_NUMBER_MESSAGE)
          @Min(value = 1, message = "must be from 1 to 100")
          @Max(value = 100, message = "must be from 1 to 100")
          String size,
      @Context UriInfo uri) {
    int pageNumber = Integer.parseInt(page.strip());
    int pageSize = Integer.parseInt(size.strip());
    DialogPage result = dialogs.search(language, customerId, pageNumber, pageSize);
    List<Link> links = new ArrayList<>();
    if ((long) pageNumber * pageSize < result.total()) {
      links.add(pageLink(uri, pageNumber + 1, "next"));
    }
    if (pageNumber > 1) {
      links.add(pageLink(uri, pageNumber - 1, "prev"));
    }
    return Response.ok(DialogDtoAssembler.toDto(result, pageNumber, pageSize))
        .links(links.toArray(Link[]::new))
        .build();
  }

  @GET
  @Path("/{customerId}/{dialogId}")
  @RolesAllowed("data-reader")
  @Operation(summary = "Read one consented dialog")
  @APIResponse(
      responseCode = "200",
      description = "The dialog",
      content = @Content(schema = @Schema(implementation = DialogDto.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public DialogDto read(
      @PathParam("customerId") @Pattern(regexp = ID, message = ID_MESSAGE) String customerId,
      @PathParam("dialogId") @Pattern(regexp = ID, message = ID_MESSAGE) String dialogId) {
    return dialogs
        .consented(customerId, dialogId)
        .map(DialogDtoAssembler::toDto)
        .orElseThrow(() -> new UnknownDialogException(dialogId));
  }

  @DELETE
  @Path("/{customerId}/{dialogId}")
  @RolesAllowed("data-admin")
  @Operation(summary = "Erase one dialog and all of its messages")
  @APIResponse(responseCode = "204", description = "Erased")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response erase(
      @PathParam("customerId") @Pattern(regexp = ID, message = ID_MESSAGE) String customerId,
      @PathParam("dialogId") @Pattern(regexp = ID, message = ID_MESSAGE) String dialogId) {
    if (!dialogs.erase(customerId, dialogId)) {
      throw new UnknownDialogException(dialogId);
    }
    return Response.noContent().build();
  }

  @DELETE
  @Path("/{customerId}")
  @RolesAllowed("data-admin")
  @Operation(summary = "Erase everything a customer has")
  @APIResponse(responseCode = "204", description = "Erased")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response eraseCustomer(
      @PathParam("customerId") @Pattern(regexp = ID, message = ID_MESSAGE) String customerId) {
    if (!dialogs.eraseCustomer(customerId)) {
      return Problem.of(
              "customer-not-found",
              Response.Status.NOT_FOUND,
              "No dialogs of customer " + customerId,
              "customerId")
          .toResponse();
    }
    return Response.noContent().build();
  }

  private static Link pageLink(UriInfo uri, int page, String rel) {
    return Link.fromUri(uri.getRequestUriBuilder().replaceQueryParam("page", page).build())
        .rel(rel)
        .build();
  }
}
