package org.parley.interfaces.rest.chat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;

/** A reply DTO as a JSON-P object (to put it in a page). */
final class ChatJson {

  private static final Jsonb JSON = JsonbBuilder.create();

  private ChatJson() {}

  static JsonObject toJson(ChatReplyDto reply) {
    return Json.createReader(new StringReader(JSON.toJson(reply))).readObject();
  }
}
