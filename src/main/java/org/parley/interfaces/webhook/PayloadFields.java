package org.parley.interfaces.webhook;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import org.parley.interfaces.rest.JsonLimits;

/**
 * Typed reads of a platform payload's members: each one either returns the value the platform's
 * format promises or throws {@link MalformedPayloadException} naming the member's path ({@code
 * entry[0].messaging[1].sender.id}), never a {@code ClassCastException} or a {@code
 * NullPointerException}. Numbers are converted only when they fit, so {@code 1e999999999} is
 * refused instead of being expanded.
 */
public final class PayloadFields {

  private PayloadFields() {}

  /** The body as a JSON object, read by {@link JsonLimits#parse}. */
  public static JsonObject root(byte[] body) {
    JsonValue value;
    try {
      value = JsonLimits.parse(body);
    } catch (JsonLimits.UnreadableJsonException e) {
      throw new MalformedPayloadException(e.getMessage(), e);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new MalformedPayloadException("the body is not a JSON object");
    }
    return value.asJsonObject();
  }

  public static boolean has(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() != JsonValue.ValueType.NULL;
  }

  public static JsonObject object(JsonObject object, String name, String at) {
    return asObject(required(object, name, at), path(at, name));
  }

  public static JsonArray array(JsonObject object, String name, String at) {
    JsonValue value = required(object, name, at);
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw wrongType(path(at, name), "an array");
    }
    return value.asJsonArray();
  }

  /** The array's element {@code index} as an object. */
  public static JsonObject objectAt(JsonArray array, int index, String at) {
    String path = at + "[" + index + "]";
    if (index < 0 || index >= array.size()) {
      throw new MalformedPayloadException(path + " is missing");
    }
    return asObject(array.get(index), path);
  }

  public static String string(JsonObject object, String name, String at) {
    String value = optionalString(object, name, at);
    if (value == null) {
      throw new MalformedPayloadException(path(at, name) + " is missing");
    }
    return value;
  }

  /** The string member, or null when it is absent or JSON null. */
  public static String optionalString(JsonObject object, String name, String at) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw wrongType(path(at, name), "a string");
    }
    return ((JsonString) value).getString();
  }

  public static boolean optionalBoolean(JsonObject object, String name, String at) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return false;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      throw wrongType(path(at, name), "a boolean");
    }
    return value == JsonValue.TRUE;
  }

  /** A whole number that fits a {@code long} (Telegram's ids reach 52 bits). */
  public static long integer(JsonObject object, String name, String at) {
    JsonValue value = required(object, name, at);
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw wrongType(path(at, name), "a number");
    }
    BigDecimal number;
    try {
      number = ((JsonNumber) value).bigDecimalValue();
    } catch (NumberFormatException e) {
      throw wrongType(path(at, name), "a whole number of at most 19 digits");
    }
    // precision - scale is the count of digits before the point: checked before any expansion
    if (number.precision() - number.scale() > 19) {
      throw wrongType(path(at, name), "a whole number of at most 19 digits");
    }
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      throw wrongType(path(at, name), "a whole number of at most 19 digits");
    }
  }

  /** A time given as whole seconds since the epoch, as Telegram sends it. */
  public static Instant epochSeconds(JsonObject object, String name, String at) {
    long seconds = integer(object, name, at);
    try {
      return Instant.ofEpochSecond(seconds);
    } catch (DateTimeException e) {
      throw wrongType(path(at, name), "seconds since 1970 within Java's time range");
    }
  }

  /** A time given as milliseconds since the epoch, as Messenger sends it (every long fits). */
  public static Instant epochMillis(JsonObject object, String name, String at) {
    return Instant.ofEpochMilli(integer(object, name, at));
  }

  private static JsonValue required(JsonObject object, String name, String at) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new MalformedPayloadException(path(at, name) + " is missing");
    }
    return value;
  }

  private static JsonObject asObject(JsonValue value, String path) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw wrongType(path, "an object");
    }
    return value.asJsonObject();
  }

  private static String path(String at, String name) {
    return at.isEmpty() ? name : at + "." + name;
  }

  private static MalformedPayloadException wrongType(String path, String expected) {
    return new MalformedPayloadException(path + " must be " + expected);
  }
}
