package org.parley.interfaces.webhook.slack;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.WebhookIntake;

/**
 * Slack's Events API: signed requests only (v0, at most five minutes old); the URL check is
 * answered with its challenge; a user's message is queued. A retry ({@code X-Slack-Retry-Num}) is
 * queued like the first delivery, so one that never arrived is not lost, and the broker drops it
 * when the first did arrive.
 */
@Path("/webhooks/slack")
@Tag(name = "Webhooks")
public class SlackWebhookResource {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(SlackWebhookResource.class.getName());

  @Inject WebhookIntake intake;

  @Inject
  @ConfigProperty(name = ConfigKeys.SLACK_SIGNING_SECRET)
  Optional<String> signingSecret;

  Clock clock = Clock.systemUTC();

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A signed Events API request: the URL check or an event")
  @APIResponse(responseCode = "200", description = "Answered (challenge) or queued")
  @APIResponse(responseCode = "400", description = "Not an Events API body")
  @APIResponse(responseCode = "401", description = "No signature or timestamp")
  @APIResponse(responseCode = "403", description = "Wrong signature, or older than five minutes")
  @APIResponse(responseCode = "503", description = "Not queued; Slack retries")
  public Response receive(
      @HeaderParam(SlackSignature.HEADER) String signature,
      @HeaderParam(SlackSignature.TIMESTAMP_HEADER) String timestamp,
      @HeaderParam("X-Slack-Retry-Num") String retry,
      @HeaderParam("X-Slack-Retry-Reason") String retryReason,
      InputStream body) {
    long started = System.nanoTime();
    String secret =
        signingSecret.orElseThrow(
            () -> WebhookIntake.notConfigured("Slack", ConfigKeys.SLACK_SIGNING_SECRET));
    byte[] bytes = WebhookIntake.read(body);
    if (signature == null || signature.isBlank()) {
      throw WebhookIntake.missing(SlackSignature.HEADER);
    }
    if (timestamp == null || timestamp.isBlank()) {
      throw WebhookIntake.missing(SlackSignature.TIMESTAMP_HEADER);
    }
    if (!SlackSignature.verify(bytes, timestamp, signature, secret, clock.instant())) {
      throw WebhookIntake.wrong(
          SlackSignature.HEADER + " (or a timestamp more than 5 minutes off)");
    }
    SlackEvent event;
    try {
      event = SlackEventParser.parse(bytes);
    } catch (MalformedPayloadException e) {
      throw WebhookIntake.malformed(e);
    }
    if (retry != null) {
      LOG.fine(() -> "Slack retry " + retry + " (" + retryReason + ")");
    }
    if (event instanceof SlackEvent.UrlVerification verification) {
      return Response.ok(
              JSON_P.createObjectBuilder().add("challenge", verification.challenge()).build())
          .build();
    }
    if (event instanceof SlackEvent.UserMessage message) {
      intake.queue(SlackEventParser.CHANNEL, List.of(message.message()), started);
    } else {
      intake.queue(SlackEventParser.CHANNEL, List.of(), started);
    }
    // Slack ignores the body of a 200; an empty object keeps the answer JSON
    return Response.ok(JsonObject.EMPTY_JSON_OBJECT).build();
  }
}
