package org.parley.interfaces.rest.chat;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.application.InboundMessage;
import org.parley.application.WebChatReplies;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.interfaces.rest.JsonBodies;
import org.parley.interfaces.rest.RequestBodyException;
import org.parley.interfaces.webhook.WebhookIntake;

/**
 * Parley's own web chat: a session is a signed token for a new user; a message is queued like a
 * platform's (answered through the same pipeline, once per {@code clientMessageId}); the replies
 * can be read page by page or received as server-sent events.
 */
@Path("/chat")
@Tag(name = "Web chat")
public class ChatResource {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  static final String CHANNEL = "webchat";
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int PAGE = 100;

  @Inject ChatTokens tokens;
  @Inject WebhookIntake intake;
  @Inject WebChatReplies replies;
  @Inject ChatStreams streams;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DATA_MAX_TEXT_LENGTH,
      defaultValue = ConfigKeys.DATA_MAX_TEXT_LENGTH_DEFAULT)
  int maxTextLength;

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
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
      InputStream body) {
    long started = System.nanoTime();
    String userId = user(authorization, null);
    JsonObject json = JsonBodies.readObject(body);
    String text = JsonBodies.optionalString(json, "text");
    String clientMessageId = JsonBodies.optionalString(json, "clientMessageId");
    String payload = JsonBodies.optionalString(json, "payload");
    if (text == null || text.isBlank()) {
      throw invalid("text", "text is required and must not be blank");
    }
    if (text.codePointCount(0, text.length()) > maxTextLength) {
      throw invalid("text", "text must not be longer than " + maxTextLength + " characters");
    }
    if (clientMessageId == null || !CLIENT_ID.matcher(clientMessageId).matches()) {
      throw invalid("clientMessageId", "clientMessageId is required: 1 to 64 of A-Z a-z 0-9 . _ -");
    }
    String messageId = userId + "-" + clientMessageId;
    InboundMessage message =
        new InboundMessage(
            CHANNEL,
            userId,
            messageId,
            payload == null ? InboundMessage.Type.TEXT : InboundMessage.Type.QUICK_REPLY,
            text,
            payload,
            null,
            userId,
            clientMessageId,
            language(acceptLanguage),
            Instant.now());
    intake.queue(CHANNEL, List.of(message), started);
    return Response.accepted(JSON_P.createObjectBuilder().add("messageId", messageId).build())
        .build();
  }

  @GET
  @Path("/messages")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The replies so far, after the number given (0 for all), up to 100")
  @APIResponse(responseCode = "200", description = "{\"replies\": [...], \"next\": n}")
  @APIResponse(responseCode = "400", description = "after is not a number")
  @APIResponse(responseCode = "401", description = "No, an expired or a wrong token")
  public ChatPageDto received(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("after") String after) {
    String userId = user(authorization, null);
    long from = seq("after", after);
    List<WebChatReplies.Delivered> page = replies.after(userId, from, PAGE);
    long next = page.isEmpty() ? from : page.get(page.size() - 1).seq();
    return new ChatPageDto(page.stream().map(ChatReplyDto::of).toList(), next);
  }

  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary =
          "Replies as server-sent events (event 'reply', id = its number); the token may"
              + " be given as access_token, as browsers' EventSource cannot send headers")
  @APIResponse(responseCode = "200", description = "The event stream")
  @APIResponse(responseCode = "401", description = "No, an expired or a wrong token")
  public void stream(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryParam("access_token") String accessToken,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") String after,
      @Context SseEventSink sink,
      @Context Sse sse) {
    String userId = user(authorization, accessToken);
    long from = seq("Last-Event-ID", lastEventId != null ? lastEventId : after);
    streams.open(userId, sink, sse);
    // what arrived before the stream opened (a reply pushed meanwhile may come twice: same id)
    for (WebChatReplies.Delivered delivered : replies.after(userId, from, PAGE)) {
      sink.send(ChatStreams.event(sse, delivered));
    }
  }

  private String user(String authorization, String accessToken) {
    String token = accessToken;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = authorization.substring(7).strip();
    }
    if (token == null || token.isEmpty()) {
      throw new RequestBodyException(
          Response.Status.UNAUTHORIZED,
          "token-missing",
          "Authorization",
          "A session token is required: Authorization: Bearer <token> from POST /chat/sessions");
    }
    return tokens
        .userOf(token)
        .orElseThrow(
            () ->
                new RequestBodyException(
                    Response.Status.UNAUTHORIZED,
                    "token-invalid",
                    "Authorization",
                    "The session token is invalid or expired; start a new session"));
  }

  private static long seq(String field, String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long seq = Long.parseLong(value.strip());
      if (seq < 0) {
        throw invalid(field, field + " must not be negative");
      }
      return seq;
    } catch (NumberFormatException e) {
      throw invalid(field, field + " must be a whole number");
    }
  }

  private static String language(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return null;
    }
    String first = acceptLanguage.split(",")[0].split(";")[0].strip();
    return first.isEmpty() || first.equals("*") ? null : first;
  }

  private static RequestBodyException invalid(String field, String message) {
    return new RequestBodyException(Response.Status.BAD_REQUEST, "invalid-input", field, message);
  }
}
