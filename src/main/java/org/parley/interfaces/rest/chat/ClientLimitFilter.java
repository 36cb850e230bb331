package org.parley.interfaces.rest.chat;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.parley.interfaces.rest.RateLimitedException;
import org.parley.interfaces.webhook.IntakeLimits;

/**
 * The public web chat endpoints need no credentials, so one address could flood them: every request
 * counts against its address's limit (before its token is checked, so that guessing tokens is
 * limited too), and opening a session against a stricter one. The address is the connection's, or
 * the load balancer's {@code X-Forwarded-For} when the listener is told to trust it ({@code
 * proxy-address-forwarding}).
 */
@Provider
@ClientLimited
@Priority(Priorities.AUTHENTICATION - 100)
public class ClientLimitFilter implements ContainerRequestFilter {

  @Inject IntakeLimits limits;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String address = servletRequest.getRemoteAddr();
    Duration wait = limits.client(address);
    if (!wait.isZero()) {
      throw new RateLimitedException("requests from this address", wait);
    }
    if (HttpMethod.POST.equals(request.getMethod())
        && request.getUriInfo().getPath().endsWith("chat/sessions")) {
      Duration sessionWait = limits.session(address);
      if (!sessionWait.isZero()) {
        throw new RateLimitedException("new sessions from this address", sessionWait);
      }
    }
  }
}
