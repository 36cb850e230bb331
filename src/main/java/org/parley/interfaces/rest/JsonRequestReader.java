package org.parley.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request bodies as Parley's DTOs, read strictly: at most {@link JsonBodies#MAX_BYTES}, nested at
 * most {@link JsonLimits#MAX_DEPTH} levels, and each member of the type its component declares (a
 * JSON-B provider turns {@code ["a"]} into {@code "a"} and {@code 1} into {@code false}). Reads
 * {@link JsonRequest} records, a bare JSON boolean, and an object of strings ({@code Map<String,
 * String>}). What is wrong is a {@link RequestBodyException} naming the member; the DTO's
 * constraints are checked after this, by Bean Validation.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonRequestReader implements MessageBodyReader<Object> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isAnnotationPresent(JsonRequest.class)
        || type == Boolean.class
        || (type == Map.class && isMapOfStrings(genericType));
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream) {
    JsonValue body = JsonBodies.read(entityStream);
    Class<?> asked = type;
    if (asked == Boolean.class) {
      if (body != JsonValue.TRUE && body != JsonValue.FALSE) {
        throw invalid("body", "The body must be the JSON boolean true or false");
      }
      return body == JsonValue.TRUE;
    }
    if (body.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid("body", "The body must be a JSON object");
    }
    JsonObject object = body.asJsonObject();
    return asked == Map.class ? strings(object) : record(asked, object);
  }

  private static Map<String, String> strings(JsonObject object) {
    Map<String, String> strings = new LinkedHashMap<>();
    for (String name : object.keySet()) {
      String value = JsonBodies.optionalString(object, name);
      if (value != null) {
        strings.put(name, value);
      }
    }
    return strings;
  }

  private static Object record(Class<?> type, JsonObject object) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = member(object, components[i].getName(), types[i]);
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException refused) {
        throw refused; // the record's own check
      }
      throw new IllegalStateException(type + " cannot be made", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " is not a readable @JsonRequest record", e);
    }
  }

  private static Object member(JsonObject object, String name, Class<?> type) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (type == String.class) {
      if (!(value instanceof JsonString string)) {
        throw invalid(name, name + " must be a string");
      }
      return string.getString();
    }
    if (type == Boolean.class) {
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        throw invalid(name, name + " must be true or false");
      }
      return value == JsonValue.TRUE;
    }
    throw new IllegalStateException("a @JsonRequest component of type " + type);
  }

  private static boolean isMapOfStrings(Type genericType) {
    return genericType instanceof ParameterizedType map
        && map.getActualTypeArguments().length == 2
        && map.getActualTypeArguments()[0] == String.class
        && map.getActualTypeArguments()[1] == String.class;
  }

  private static RequestBodyException invalid(String field, String message) {
    return new RequestBodyException(Response.Status.BAD_REQUEST, "invalid-input", field, message);
  }
}
