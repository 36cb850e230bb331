package org.parley.interfaces.webhook.messenger;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.application.InboundMessage;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.MetaWebhooks;
import org.parley.interfaces.webhook.WebhookIntake;

/** Messenger's webhook: the subscription handshake, and signed Page callbacks. */
@Path("/webhooks/messenger")
@Tag(name = "Webhooks")
public class MessengerWebhookResource {

  @Inject WebhookIntake intake;

  @Inject
  @ConfigProperty(name = ConfigKeys.MESSENGER_APP_SECRET)
  Optional<String> appSecret;

  @Inject
  @ConfigProperty(name = ConfigKeys.MESSENGER_VERIFY_TOKEN)
  Optional<String> verifyToken;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Messenger's subscription check: echoes hub.challenge for our token")
  @APIResponse(responseCode = "200", description = "The challenge")
  @APIResponse(responseCode = "403", description = "Wrong mode or token")
  public Response verify(
      @QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    return MetaWebhooks.handshake(
        "Messenger", verifyToken, ConfigKeys.MESSENGER_VERIFY_TOKEN, mode, token, challenge);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      summary =
          "A signed Page callback (X-Hub-Signature-256): every event of every entry is queued")
  @APIResponse(responseCode = "200", description = "Queued")
  @APIResponse(responseCode = "400", description = "Not a Page callback")
  @APIResponse(responseCode = "401", description = "No signature")
  @APIResponse(responseCode = "403", description = "Wrong signature")
  @APIResponse(responseCode = "503", description = "Not queued; Messenger sends it again")
  public Response receive(
      @HeaderParam(MessengerSignature.HEADER) String signature, InputStream body) {
    long started = System.nanoTime();
    byte[] bytes =
        MetaWebhooks.verified(
            "Messenger", appSecret, ConfigKeys.MESSENGER_APP_SECRET, signature, body);
    List<InboundMessage> messages;
    try {
      messages = MessengerPayloadParser.parse(bytes);
    } catch (MalformedPayloadException e) {
      throw WebhookIntake.malformed(e);
    }
    intake.queue(MessengerPayloadParser.CHANNEL, messages, started);
    return Response.ok("EVENT_RECEIVED", MediaType.TEXT_PLAIN).build();
  }
}
