package org.parley.interfaces.rest.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.application.WebChatReplies;

/**
 * The open {@code /chat/stream} connections on this node, per user; a delivered web chat reply is
 * pushed to each of its user's streams. The reply's event comes from the node broadcast, so it
 * arrives here whichever node delivered it. A browser whose stream broke reconnects with {@code
 * Last-Event-ID} and receives what it missed from the stored replies.
 */
@ApplicationScoped
public class ChatStreams {

  private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

  record Stream(SseEventSink sink, Sse sse) {}

  void open(String userId, SseEventSink sink, Sse sse) {
    // streams whose browser went away are found here, not only when their user gets a reply
    for (String user : streams.keySet()) {
      streams.computeIfPresent(
          user,
          (id, open) -> {
            open.removeIf(stream -> stream.sink().isClosed());
            return open.isEmpty() ? null : open;
          });
    }
    streams.compute(
        userId,
        (id, open) -> {
          Set<Stream> set = open == null ? ConcurrentHashMap.newKeySet() : open;
          set.add(new Stream(sink, sse));
          return set;
        });
  }

  void delivered(@Observes WebChatReplies.Delivered reply) {
    Set<Stream> open = streams.get(reply.userId());
    if (open == null) {
      return;
    }
    for (Stream stream : open) {
      if (stream.sink().isClosed()) {
        open.remove(stream);
        continue;
      }
      stream
          .sink()
          .send(event(stream.sse(), reply))
          .whenComplete(
              (ignored, failure) -> {
                if (failure != null) {
                  open.remove(stream);
                  stream.sink().close();
                }
              });
    }
  }

  static OutboundSseEvent event(Sse sse, WebChatReplies.Delivered reply) {
    return sse.newEventBuilder()
        .id(String.valueOf(reply.seq()))
        .name("reply")
        .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
        .data(ChatReplyDto.class, ChatReplyDto.of(reply))
        .build();
  }
}
