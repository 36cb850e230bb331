package org.parley.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads JSON request bodies strictly: at most {@link #MAX_BYTES}, well-formed, and of the shape
 * asked for, so each refusal names what was wrong instead of a binding error.
 */
public final class JsonBodies {

  /** The largest request body Parley reads: 64 KiB. */
  public static final int MAX_BYTES = 64 * 1024;

  private JsonBodies() {}

  public static JsonValue read(InputStream body) {
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new RequestBodyException(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          "payload-too-large",
          "body",
          "The body must not be larger than " + MAX_BYTES + " bytes");
    }
    return parse(bytes);
  }

  /** The bytes as JSON ({@link JsonLimits#parse}); what is not is refused with a 400 naming why. */
  public static JsonValue parse(byte[] bytes) {
    try {
      return JsonLimits.parse(bytes);
    } catch (JsonLimits.UnreadableJsonException e) {
      throw new RequestBodyException(
          Response.Status.BAD_REQUEST,
          e.tooDeep() ? "json-too-deep" : "malformed-json",
          "body",
          e.getMessage());
    }
  }

  public static JsonObject readObject(InputStream body) {
    JsonValue value = read(body);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw wrongType("body", "The body must be a JSON object");
    }
    return value.asJsonObject();
  }

  /** The member as a string; null when absent or JSON null; refused when of another type. */
  public static String optionalString(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw wrongType(name, name + " must be a string");
    }
    return ((JsonString) value).getString();
  }

  private static RequestBodyException wrongType(String field, String message) {
    return new RequestBodyException(Response.Status.BAD_REQUEST, "invalid-input", field, message);
  }
}
