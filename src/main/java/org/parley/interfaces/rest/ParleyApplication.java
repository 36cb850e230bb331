package org.parley.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Parley's REST interface at the context root: the paths are the URLs clients use ({@code /data},
 * {@code /consents}, {@code /webhooks/...}). Static files are served by the default servlet on the
 * paths web.xml gives it.
 */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Parley",
            version = "0.1",
            description =
                "Chatbot backend: platform webhooks, the DataAPI for consented dialogs, plugins.",
            license = @License(name = "Apache-2.0")),
    components =
        @Components(
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = "basic",
                    type = SecuritySchemeType.HTTP,
                    scheme = "basic",
                    description = "Parley's users (README.md, \"Users and roles\")"),
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  description = "Invalid input; the problem names the field",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "blank text",
                                  value =
                                      "{\"type\": \"https://parley.org/problems/invalid-input\","
                                          + " \"title\": \"Bad Request\", \"status\": 400,"
                                          + " \"detail\": \"text must be a non-blank string\","
                                          + " \"field\": \"text\"}"))),
              @APIResponse(
                  name = "NotFound",
                  description = "No such (consented) dialog or customer",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Conflict",
                  description = "The dialog id belongs to another customer",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "TooLarge",
                  description = "The body is larger than 64 KiB",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  description = "The body is not application/json",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)))
            }))
public class ParleyApplication extends Application {}
