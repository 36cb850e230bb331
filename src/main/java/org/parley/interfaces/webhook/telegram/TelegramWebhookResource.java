package org.parley.interfaces.webhook.telegram;

import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.parley.interfaces.webhook.WebhookIntake;

/** Telegram's webhook: updates carrying the secret token given to {@code setWebhook}. */
@Path("/webhooks/telegram")
@Tag(name = "Webhooks")
public class TelegramWebhookResource {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  @Inject WebhookIntake intake;

  @Inject
  @ConfigProperty(name = ConfigKeys.TELEGRAM_SECRET_TOKEN)
  Optional<String> secretToken;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "An update with X-Telegram-Bot-Api-Secret-Token: queued if it is a message")
  @APIResponse(responseCode = "200", description = "Queued (or nothing to answer)")
  @APIResponse(responseCode = "400", description = "Not an update")
  @APIResponse(responseCode = "401", description = "No secret token")
  @APIResponse(responseCode = "403", description = "Wrong secret token")
  @APIResponse(responseCode = "503", description = "Not queued; Telegram sends it again")
  public Response receive(@HeaderParam(TelegramSecretToken.HEADER) String token, InputStream body) {
    long started = System.nanoTime();
    String expected =
        secretToken.orElseThrow(
            () -> WebhookIntake.notConfigured("Telegram", ConfigKeys.TELEGRAM_SECRET_TOKEN));
    byte[] bytes = WebhookIntake.read(body);
    if (token == null || token.isEmpty()) {
      throw WebhookIntake.missing(TelegramSecretToken.HEADER);
    }
    if (!TelegramSecretToken.verify(token, expected)) {
      throw WebhookIntake.wrong(TelegramSecretToken.HEADER);
    }
    Optional<InboundMessage> message;
    try {
      message = TelegramUpdateParser.parse(bytes);
    } catch (MalformedPayloadException e) {
      throw WebhookIntake.malformed(e);
    }
    intake.queue(TelegramUpdateParser.CHANNEL, message.map(List::of).orElse(List.of()), started);
    // a tapped button shows a progress indicator until it is acknowledged: Telegram takes a Bot API
    // call as the webhook's answer, so no call of our own is needed (the reply follows as usual)
    return message
        .flatMap(TelegramUpdateParser::callbackQueryId)
        .map(
            id ->
                Response.ok(
                        JSON_P
                            .createObjectBuilder()
                            .add("method", "answerCallbackQuery")
                            .add("callback_query_id", id)
                            .build(),
                        MediaType.APPLICATION_JSON)
                    .build())
        .orElseGet(() -> Response.ok().build());
  }
}
