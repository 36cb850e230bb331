package org.parley.interfaces.rest.chat;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.parley.interfaces.rest.RequestBodyException;

/**
 * Authenticates a web chat request by its session token ({@code Authorization: Bearer}, or {@code
 * access_token} for EventSource, which cannot send headers) before its body is read, and makes the
 * token's user the request's principal.
 */
@Provider
@ChatSession
@Priority(Priorities.AUTHENTICATION)
public class ChatSessionFilter implements ContainerRequestFilter {

  @Inject ChatTokens tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    String token = request.getUriInfo().getQueryParameters().getFirst("access_token");
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = authorization.substring(7).strip();
    }
    if (token == null || token.isEmpty()) {
      throw new RequestBodyException(
          Response.Status.UNAUTHORIZED,
          "token-missing",
          "Authorization",
          "A session token is required: Authorization: Bearer <token> from POST /chat/sessions");
    }
    String userId =
        tokens
            .userOf(token)
            .orElseThrow(
                () ->
                    new RequestBodyException(
                        Response.Status.UNAUTHORIZED,
                        "token-invalid",
                        "Authorization",
                        "The session token is invalid or expired; start a new session"));
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new ChatUser(userId, secure));
  }

  /** The web chat user a valid token names. */
  record ChatUser(String userId, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return () -> userId;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
