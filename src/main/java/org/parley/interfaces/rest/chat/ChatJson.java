package org.parley.interfaces.rest.chat;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** A reply DTO as a JSON-P object (to put it in a page). */
final class ChatJson {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  private static final Jsonb JSON = JsonbBuilder.create();

  private ChatJson() {}

  static JsonObject toJson(ChatReplyDto reply) {
    return JSON_P.createReader(new StringReader(JSON.toJson(reply))).readObject();
  }
}
