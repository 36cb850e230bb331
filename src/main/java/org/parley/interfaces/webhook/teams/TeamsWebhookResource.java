package org.parley.interfaces.webhook.teams;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.interfaces.rest.RequestBodyException;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.WebhookIntake;

/**
 * Microsoft Teams through the Bot Framework: each activity is authenticated by its bearer token
 * ({@link BotFrameworkTokens}) before anything of it is queued.
 */
@Path("/webhooks/teams")
@Tag(name = "Webhooks")
@ApplicationScoped
public class TeamsWebhookResource {

  private static final String BEARER = "Bearer ";
  private static final Logger LOG = Logger.getLogger(TeamsWebhookResource.class.getName());

  @Inject WebhookIntake intake;

  @Inject
  @ConfigProperty(name = ConfigKeys.TEAMS_APP_ID)
  Optional<String> appId;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.TEAMS_OPENID_METADATA_URL,
      defaultValue = ConfigKeys.TEAMS_OPENID_METADATA_URL_DEFAULT)
  String metadataUrl;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private BotFrameworkTokens tokens;

  @PostConstruct
  void init() {
    tokens =
        appId
            .map(id -> new BotFrameworkTokens(metadataUrl, id, this::fetch, Clock.systemUTC()))
            .orElse(null);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "A Bot Framework activity, authenticated by its JWT; a message is queued")
  @APIResponse(responseCode = "200", description = "Queued (or nothing to answer)")
  @APIResponse(responseCode = "400", description = "Not an activity")
  @APIResponse(responseCode = "401", description = "No bearer token")
  @APIResponse(responseCode = "403", description = "A token the Bot Framework did not sign for us")
  @APIResponse(responseCode = "503", description = "The keys cannot be fetched; sent again")
  public Response receive(@HeaderParam("Authorization") String authorization, InputStream body) {
    long started = System.nanoTime();
    if (tokens == null) {
      throw WebhookIntake.notConfigured("Teams", ConfigKeys.TEAMS_APP_ID);
    }
    byte[] bytes = WebhookIntake.read(body);
    if (authorization == null || !authorization.startsWith(BEARER)) {
      throw WebhookIntake.missing("Authorization");
    }
    try {
      JsonObject activity = TeamsActivityParser.read(bytes);
      TeamsActivityParser.Origin origin = TeamsActivityParser.origin(activity);
      try {
        tokens.verify(
            authorization.substring(BEARER.length()).strip(),
            origin.serviceUrl(),
            origin.channelId());
      } catch (BotFrameworkTokens.Refused e) {
        throw new RequestBodyException(
            Response.Status.FORBIDDEN,
            "signature-invalid",
            "Authorization",
            "The token " + e.getMessage());
      } catch (IllegalStateException e) {
        // no token can be checked: 503, so that the Bot Framework sends the activity again
        LOG.log(Level.WARNING, "The Bot Framework''s keys cannot be fetched: {0}", e.getMessage());
        throw new RequestBodyException(
            Response.Status.SERVICE_UNAVAILABLE,
            "keys-unavailable",
            "Authorization",
            "The Bot Framework's signing keys cannot be fetched now; send the activity again");
      }
      intake.queue(
          TeamsActivityParser.CHANNEL,
          TeamsActivityParser.parse(activity).map(List::of).orElse(List.of()),
          started);
    } catch (MalformedPayloadException e) {
      throw WebhookIntake.malformed(e);
    }
    return Response.ok("", MediaType.TEXT_PLAIN).build();
  }

  private String fetch(String url) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(4)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(url + " does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
