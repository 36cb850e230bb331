package org.parley.interfaces.rest.plugin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginHealth;

/** A plugin as operators see it: its descriptor (credential names only) and its health. */
@Schema(name = "Plugin")
@JsonbPropertyOrder({"name", "version", "author", "website", "health", "routes", "credentials"})
public record PluginDto(
    @Schema(example = "quotes") String name,
    @Schema(example = "1.0.0") String version,
    String author,
    String website,
    HealthDto health,
    List<RouteDto> routes,
    @Schema(description = "names only; values come from configuration") List<String> credentials) {

  @Schema(name = "PluginHealth")
  public record HealthDto(
      @Schema(
              enumeration = {
                "SUCCESS",
                "FAIL",
                "ERROR",
                "ABORTED",
                "REGRESSION",
                "FIXED",
                "PASSED"
              })
          String status,
      String detail) {}

  @Schema(name = "PluginRoute")
  @JsonbPropertyOrder({"action", "intent", "description", "attributes"})
  public record RouteDto(
      String action, String intent, String description, List<AttributeDto> attributes) {}

  @Schema(name = "PluginAttribute")
  public record AttributeDto(String name, String entity, boolean required, String prompt) {}

  static PluginDto of(PluginDescriptor descriptor, PluginHealth health) {
    return new PluginDto(
        descriptor.name(),
        descriptor.version(),
        descriptor.author(),
        descriptor.website(),
        new HealthDto(health.status().name(), health.detail()),
        descriptor.routes().stream()
            .map(
                route ->
                    new RouteDto(
                        route.action(),
                        route.intent(),
                        route.description(),
                        route.attributes().stream()
                            .map(
                                a ->
                                    new AttributeDto(
                                        a.name(), a.entity(), a.required(), a.prompt()))
                            .toList()))
            .toList(),
        descriptor.credentials());
  }
}
