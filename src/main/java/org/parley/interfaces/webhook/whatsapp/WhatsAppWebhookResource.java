package org.parley.interfaces.webhook.whatsapp;

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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.application.DeliveryStatuses;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.MetaWebhooks;
import org.parley.interfaces.webhook.WebhookIntake;
import org.parley.interfaces.webhook.messenger.MessengerSignature;

/**
 * The WhatsApp Cloud API's webhook: Meta's subscription handshake, and signed callbacks, whose
 * messages are queued and whose statuses are recorded on the replies they name. The signature is
 * Meta's, the same as Messenger's ({@code X-Hub-Signature-256} over the raw body, with this app's
 * secret).
 */
@Path("/webhooks/whatsapp")
@Tag(name = "Webhooks")
public class WhatsAppWebhookResource {

  @Inject WebhookIntake intake;
  @Inject DeliveryStatuses statuses;

  @Inject
  @ConfigProperty(name = ConfigKeys.WHATSAPP_APP_SECRET)
  Optional<String> appSecret;

  @Inject
  @ConfigProperty(name = ConfigKeys.WHATSAPP_VERIFY_TOKEN)
  Optional<String> verifyToken;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "Meta's subscription check: echoes hub.challenge for our token")
  @APIResponse(responseCode = "200", description = "The challenge")
  @APIResponse(responseCode = "403", description = "Wrong mode or token")
  public Response verify(
      @QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    return MetaWebhooks.handshake(
        "WhatsApp", verifyToken, ConfigKeys.WHATSAPP_VERIFY_TOKEN, mode, token, challenge);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      summary =
          "A signed Cloud API callback (X-Hub-Signature-256): every message of every change is"
              + " queued, every status recorded on its reply")
  @APIResponse(responseCode = "200", description = "Queued and recorded")
  @APIResponse(responseCode = "400", description = "Not a WhatsApp callback")
  @APIResponse(responseCode = "401", description = "No signature")
  @APIResponse(responseCode = "403", description = "Wrong signature")
  @APIResponse(responseCode = "503", description = "Not queued; Meta sends it again")
  public Response receive(
      @HeaderParam(MessengerSignature.HEADER) String signature, InputStream body) {
    long started = System.nanoTime();
    byte[] bytes =
        MetaWebhooks.verified(
            "WhatsApp", appSecret, ConfigKeys.WHATSAPP_APP_SECRET, signature, body);
    WhatsAppPayloadParser.Callback callback;
    try {
      callback = WhatsAppPayloadParser.parse(bytes);
    } catch (MalformedPayloadException e) {
      throw WebhookIntake.malformed(e);
    }
    intake.queue(WhatsAppPayloadParser.CHANNEL, callback.messages(), started);
    statuses.record(callback.statuses());
    return Response.ok("EVENT_RECEIVED", MediaType.TEXT_PLAIN).build();
  }
}
