package org.parley.interfaces.rest.chat;

import static org.parley.interfaces.rest.validation.RequestConstraints.SEQUENCE;
import static org.parley.interfaces.rest.validation.RequestConstraints.WHOLE_NUMBER_MESSAGE;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.application.InboundMessage;
import org.parley.application.WebChatReplies;
import org.parley.interfaces.webhook.WebhookIntake;

/**
 * Parley's own web chat: a session is a signed token for a new user; a message is queued like a
 * platform's (answered through the same pipeline, once per {@code clientMessageId}); the replies
 * can be read page by page or received as server-sent events.
 */
@Path("/chat")
@Tag(name = "Web chat")
@ClientLimited
public class ChatResource {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  static final String CHANNEL = "webchat";
  private static final int PAGE = 100;

  @Inject ChatTokens tokens;
  @Inject WebhookIntake intake;
  @Inject WebChatReplies replies;
  @Inject ChatStreams streams;

  @POST
  @Path("/sessions")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a web chat session: a new user id and its bearer token")
  @APIResponse(responseCode = "201", description = "The session")
  public Response open() {
    ChatTokens.Session session = tokens.open();
    JsonObject body =
        JSON_P
            .createObjectBuilder()
            .add("userId", session.userId())
            .add("token", session.token())
            .add("expiresAt", session.expiresAt().toString())
            .build();
    return Response.status(Response.Status.CREATED).entity(body).build();
  }

  @POST
  @Path("/messages")
  @ChatSession
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Send a message: {\"text\", \"clientMessageId\"}; the same clientMessageId is"
              + " answered once")
  @APIResponse(responseCode = "202", description = "Queued: {\"messageId\"}")
  @APIResponse(responseCode = "400", description = "Text or clientMessageId missing or invalid")
  @APIResponse(responseCode = "401", description = "No, an expired or a wrong token")
  @APIResponse(responseCode = "503", description = "Not queued; send it again")
  public Response send(
      @Context SecurityContext session,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      @NotNull(message = "is required: {\"text\": ..., \"clientMessageId\": ...}") @Valid
          ChatMessageDto body) {
    long started = System.nanoTime();
    String userId = session.getUserPrincipal().getName();
    String messageId = userId + "-" + body.clientMessageId();
    InboundMessage message =
        InboundMessage.received(
            CHANNEL,
            userId,
            messageId,
            body.payload() == null ? InboundMessage.Type.TEXT : InboundMessage.Type.QUICK_REPLY,
            body.text(),
            body.payload(),
            null,
            userId,
            body.clientMessageId(),
            language(acceptLanguage),
            Instant.now());
    intake.queueOrRefuse(CHANNEL, message, started);
    return Response.accepted(JSON_P.createObjectBuilder().add("messageId", messageId).build())
        .build();
  }

  @GET
  @Path("/messages")
  @ChatSession
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The replies so far, after the number given (0 for all), up to 100")
  @APIResponse(responseCode = "200", description = "{\"replies\": [...], \"next\": n}")
  @APIResponse(responseCode = "400", description = "after is not a number")
  @APIResponse(responseCode = "401", description = "No, an expired or a wrong token")
  public ChatPageDto received(
      @Context SecurityContext session,
      @QueryParam("after") @Pattern(regexp = SEQUENCE, message = WHOLE_NUMBER_MESSAGE)
          String after) {
    String userId = session.getUserPrincipal().getName();
    long from = seq(after);
    List<WebChatReplies.Delivered> page = replies.after(userId, from, PAGE);
    long next = page.isEmpty() ? from : page.get(page.size() - 1).seq();
    return new ChatPageDto(page.stream().map(ChatReplyDto::of).toList(), next);
  }

  @GET
  @Path("/stream")
  @ChatSession
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary =
          "Replies as server-sent events (event 'reply', id = its number); the token may"
              + " be given as access_token, as browsers' EventSource cannot send headers")
  @APIResponse(responseCode = "200", description = "The event stream")
  @APIResponse(responseCode = "401", description = "No, an expired or a wrong token")
  public void stream(
      @Context SecurityContext session,
      @HeaderParam("Last-Event-ID") @Pattern(regexp = SEQUENCE, message = WHOLE_NUMBER_MESSAGE)
          String lastEventId,
      @QueryParam("after") @Pattern(regexp = SEQUENCE, message = WHOLE_NUMBER_MESSAGE) String after,
      @Context SseEventSink sink,
      @Context Sse sse) {
    String userId = session.getUserPrincipal().getName();
    long from = seq(lastEventId != null ? lastEventId : after);
    streams.open(userId, sink, sse);
    // what arrived before the stream opened (a reply pushed meanwhile may come twice: same id)
    for (WebChatReplies.Delivered delivered : replies.after(userId, from, PAGE)) {
      sink.send(ChatStreams.event(sse, delivered));
    }
  }

  /** A reply number the constraints have checked; 0 when none was given. */
  private static long seq(String value) {
    return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
  }

  private static String language(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return null;
    }
    String first = acceptLanguage.split(",")[0].split(";")[0].strip();
    return first.isEmpty() || first.equals("*") ? null : first;
  }
}
