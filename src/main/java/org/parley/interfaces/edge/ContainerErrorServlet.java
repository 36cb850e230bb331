package org.parley.interfaces.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's own errors (web.xml's error pages) as problem+json instead of its HTML pages: the
 * BASIC challenge's 401 (its {@code WWW-Authenticate} header is kept), the default servlet's 404,
 * and anything thrown outside JAX-RS. A failure is logged here with its stack trace and answered
 * without one.
 */
@WebServlet("/errors/container")
public class ContainerErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : 500;
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure != null) {
      LOG.log(
          Level.SEVERE,
          "Unexpected failure answering "
              + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          failure);
    }
    String body = problem(status);
    response.setStatus(status);
    response.setContentType(EdgeProblems.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }

  private static String problem(int status) {
    return switch (status) {
      case 400 ->
          EdgeProblems.json(400, "bad-request", "Bad Request", "The request is malformed", null);
      case 401 ->
          EdgeProblems.json(
              401, "unauthorized", "Unauthorized", "Credentials are required", "Authorization");
      case 403 ->
          EdgeProblems.json(
              403, "forbidden", "Forbidden", "The user lacks the role this needs", null);
      case 404 ->
          EdgeProblems.json(404, "not-found", "Not Found", "No resource at this path", null);
      case 405 ->
          EdgeProblems.json(
              405,
              "method-not-allowed",
              "Method Not Allowed",
              "This method is not allowed here",
              null);
      case 413 ->
          EdgeProblems.json(
              413, "payload-too-large", "Payload Too Large", "The body is too large", "body");
      default ->
          status >= 500
              ? EdgeProblems.json(
                  status,
                  "internal-error",
                  "Internal Server Error",
                  "Parley could not complete the request; it has been logged",
                  null)
              : EdgeProblems.json(
                  status, "client-error", "Client Error", "The request was refused", null);
    };
  }
}
