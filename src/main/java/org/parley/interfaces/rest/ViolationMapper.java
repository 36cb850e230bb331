package org.parley.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.api.validation.ResteasyViolationException;

/**
 * A request that breaks a constraint of a resource method's parameters or body: 400 {@code
 * invalid-input}, naming the input as the client wrote it (the {@code @PathParam}, {@code
 * QueryParam} or {@code HeaderParam} name, or the body's member), with the constraint's message.
 * RESTEasy throws its own subclass of {@code ConstraintViolationException}, and its built-in mapper
 * for that class would win over one for the standard type.
 */
@Provider
public class ViolationMapper implements ExceptionMapper<ResteasyViolationException> {

  @Override
  public Response toResponse(ResteasyViolationException exception) {
    if (exception.getReturnValueViolations() != null
        && !exception.getReturnValueViolations().isEmpty()) {
      throw new IllegalStateException("a resource returned an invalid value", exception);
    }
    List<Named> named = new ArrayList<>();
    for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
      named.add(name(violation));
    }
    Named first =
        named.stream()
            .min(
                Comparator.comparingInt(Named::order)
                    .thenComparing(Named::field)
                    .thenComparing(candidate -> !candidate.pattern()))
            .orElse(new Named(Integer.MAX_VALUE, "body", false, "is invalid"));
    return Problem.of(
            "invalid-input",
            Response.Status.BAD_REQUEST,
            first.field() + " " + first.message(),
            first.field())
        .toResponse();
  }

  /** A violation named; a pattern's message ("must be a whole number") goes before a bound's. */
  private record Named(int order, String field, boolean pattern, String message) {}

  private static Named name(ConstraintViolation<?> violation) {
    String method = null;
    List<Class<?>> types = List.of();
    int index = Integer.MAX_VALUE;
    String field = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.getName();
        types = node.as(Path.MethodNode.class).getParameterTypes();
      } else if (node.getKind() == ElementKind.PARAMETER) {
        index = node.as(Path.ParameterNode.class).getParameterIndex();
        field = parameterName(violation.getRootBeanClass(), method, types, index);
      } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        if (node.getKey() != null) {
          field = capped(String.valueOf(node.getKey())); // a map entry, named by its key
        }
      } else if (node.getName() != null) {
        field = node.getName(); // a member of the body
      }
    }
    boolean pattern =
        violation.getConstraintDescriptor().getAnnotation()
            instanceof jakarta.validation.constraints.Pattern;
    return new Named(index, field == null ? "body" : field, pattern, violation.getMessage());
  }

  /** A name the client sent, echoed at most 64 characters long. */
  private static String capped(String name) {
    return name.length() <= 64 ? name : name.substring(0, 64) + "…";
  }

  /** The parameter's JAX-RS name, looked up on the resource class (not a CDI proxy). */
  private static String parameterName(
      Class<?> resource, String method, List<Class<?>> types, int index) {
    for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
      try {
        Method declared = type.getDeclaredMethod(method, types.toArray(Class<?>[]::new));
        for (Annotation annotation : declared.getParameterAnnotations()[index]) {
          String name = jaxRsName(annotation);
          if (name != null) {
            return name;
          }
        }
      } catch (NoSuchMethodException e) {
        // declared further up
      }
    }
    return "body";
  }

  private static String jaxRsName(Annotation annotation) {
    if (annotation instanceof PathParam p) {
      return p.value();
    }
    if (annotation instanceof QueryParam q) {
      return q.value();
    }
    if (annotation instanceof HeaderParam h) {
      return h.value();
    }
    if (annotation instanceof CookieParam c) {
      return c.value();
    }
    if (annotation instanceof FormParam f) {
      return f.value();
    }
    return null;
  }
}
