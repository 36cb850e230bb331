package org.parley.interfaces.rest.plugin;

import static org.parley.interfaces.rest.validation.RequestConstraints.ATTRIBUTE_NAME;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.application.InvalidInputException;
import org.parley.domain.model.shared.LanguageCode;
import org.parley.interfaces.rest.Problem;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.Plugin;
import org.parley.plugin.api.PluginDescriptor.Attribute;
import org.parley.plugin.api.PluginDescriptor.Route;
import org.parley.plugin.internal.PluginRegistry;

/** Operators' view of the plugins, and a direct way to run an action. */
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plugins")
@SecurityRequirement(name = "basic")
public class PluginResource {

  @Inject PluginRegistry registry;

  @GET
  @RolesAllowed({"operator", "admin"})
  @Operation(summary = "The enabled plugins: descriptors and health")
  @APIResponse(
      responseCode = "200",
      description = "The plugins",
      content = @Content(schema = @Schema(implementation = PluginDto[].class)))
  public List<PluginDto> plugins() {
    return registry.plugins().stream().map(p -> PluginDto.of(p.descriptor(), p.health())).toList();
  }

  @POST
  @Path("/{plugin}/{action}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("operator")
  @Operation(summary = "Run a plugin's action with its attributes")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "build",
                      value = "{\"job\": \"parley-web\", \"branch\": \"main\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The plugin's replies",
      content = @Content(schema = @Schema(implementation = ReplyDto[].class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response trigger(
      @PathParam("plugin") String pluginName,
      @PathParam("action") String actionName,
      @Parameter(description = "the language to answer in (ISO 639-1); English when absent")
          @HeaderParam("Accept-Language")
          String acceptLanguage,
      @NotNull(message = "is required: a JSON object of the action's attributes")
          Map<
                  @Pattern(regexp = ATTRIBUTE_NAME, message = "is not an attribute name") String,
                  @Size(max = 1000, message = "must not be longer than 1000 characters") String>
              body) {
    Plugin plugin = registry.plugin(pluginName).orElse(null);
    if (plugin == null) {
      return notFound("plugin-not-found", "No enabled plugin " + pluginName, "plugin");
    }
    if (!registry.connected(pluginName)) {
      return Problem.of(
              "plugin-closed",
              Response.Status.SERVICE_UNAVAILABLE,
              "Plugin " + pluginName + " is closed; an admin can connect it in the console",
              "plugin")
          .toResponse();
    }
    Route route = plugin.descriptor().route(actionName).orElse(null);
    if (route == null) {
      return notFound(
          "action-not-found", "Plugin " + pluginName + " has no action " + actionName, "action");
    }
    Map<String, String> attributes = attributes(body, route);
    List<ReplyDto> replies =
        plugin.trigger(new Action(actionName, attributes, language(acceptLanguage))).stream()
            .map(ReplyDto::of)
            .toList();
    return Response.ok(replies).build();
  }

  /**
   * The body's members as the route's attributes: no unknown names, every required one (which
   * attributes an action takes is its descriptor's, so no constraint can say it).
   */
  private static Map<String, String> attributes(Map<String, String> body, Route route) {
    Map<String, String> attributes = new HashMap<>();
    for (Map.Entry<String, String> member : body.entrySet()) {
      String name = member.getKey();
      if (route.attributes().stream().noneMatch(a -> a.name().equals(name))) {
        throw new InvalidInputException(
            name, "action " + route.action() + " takes no attribute " + name);
      }
      if (!member.getValue().isBlank()) {
        attributes.put(name, member.getValue());
      }
    }
    for (Attribute attribute : route.attributes()) {
      if (attribute.required() && !attributes.containsKey(attribute.name())) {
        throw new InvalidInputException(
            attribute.name(), attribute.name() + " is required: " + attribute.prompt());
      }
    }
    return attributes;
  }

  /** The first language of an Accept-Language header that is an ISO 639-1 code. */
  private static String language(String acceptLanguage) {
    if (acceptLanguage == null) {
      return "EN";
    }
    for (String range : acceptLanguage.split(",")) {
      String code = range.split("[;-]", 2)[0].strip();
      var normalized = LanguageCode.normalize(code);
      if (normalized.isPresent()) {
        return normalized.get();
      }
    }
    return "EN";
  }

  private static Response notFound(String type, String detail, String field) {
    return Problem.of(type, Response.Status.NOT_FOUND, detail, field).toResponse();
  }
}
