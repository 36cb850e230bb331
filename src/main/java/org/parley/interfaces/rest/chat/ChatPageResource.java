package org.parley.interfaces.rest.chat;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The web chat page at {@code /} (JAX-RS owns the context root; the page's script and style are
 * static files under {@code /static/}).
 */
@Path("/")
@Tag(name = "Web chat")
public class ChatPageResource {

  @Context ServletContext servletContext;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The web chat page")
  public Response page() {
    InputStream page = servletContext.getResourceAsStream("/static/chat.html");
    return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
