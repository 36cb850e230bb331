package org.parley.interfaces.edge;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.interfaces.rest.Problem;

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
  private static final Jsonb JSON = JsonbBuilder.create();

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
    Response.StatusType type = Response.Status.fromStatusCode(status);
    Problem problem =
        Problem.forStatus(
            type != null
                ? type
                : status >= 500
                    ? Response.Status.INTERNAL_SERVER_ERROR
                    : Response.Status.BAD_REQUEST);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.toJson(problem, response.getWriter());
  }
}
