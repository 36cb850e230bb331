package org.parley.interfaces.edge;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Decodes the request target and refuses what cannot be decoded or authenticated, as problem+json.
 *
 * <p>The HTTP listener runs with {@code decode-url=false} ({@code wildfly/http.cli}): decoding in
 * the listener answers a broken escape such as {@code %ZZ} with an empty 400 and closes the
 * connection, before any deployment code can name the problem. Here the same Undertow routine the
 * listener would have used decodes the path and the query, so servlet mapping and security
 * constraints see exactly what they saw before; a target it refuses is a 400 problem.
 *
 * <p>Elytron's BASIC mechanism throws on credentials that are not strict, padded base64 ({@code
 * Basic !!!}), on every path, and the container answers 500. Such a header is answered 401 with the
 * challenge, as missing credentials are.
 */
final class RequestTargetGuard implements HttpHandler {

  /** Undertow's own default limit on query parameters. */
  private static final int MAX_PARAMETERS = 1000;

  private static final Pattern BASE64 =
      Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

  private final HttpHandler next;

  RequestTargetGuard(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!decodeTarget(exchange)) {
      EdgeProblems.send(
          exchange,
          400,
          "malformed-url",
          "Bad Request",
          "The request URL has a malformed percent-encoding (each % must be followed by two hex"
              + " digits of UTF-8)",
          "url");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (authorization != null && malformedBasic(authorization)) {
      exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, EdgeProblems.BASIC_CHALLENGE);
      EdgeProblems.send(
          exchange,
          401,
          "credentials-malformed",
          "Unauthorized",
          "The Authorization header is not Basic credentials: base64 of user:password, padded",
          "Authorization");
      return;
    }
    next.handleRequest(exchange);
  }

  private static boolean decodeTarget(HttpServerExchange exchange) {
    String query = exchange.getQueryString();
    String target = exchange.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    if (!PercentEncoding.isUtf8(target)) {
      return false;
    }
    exchange.getQueryParameters().clear();
    exchange.getPathParameters().clear();
    try {
      Connectors.setExchangeRequestPath(
          exchange,
          target,
          StandardCharsets.UTF_8.name(),
          true,
          false,
          new StringBuilder(),
          MAX_PARAMETERS);
      return true;
    } catch (Exception e) {
      // IllegalArgumentException (a broken escape), BadRequestException, ParameterLimitException
      return false;
    }
  }

  private static boolean malformedBasic(String authorization) {
    String value = authorization.strip();
    if (!value.regionMatches(true, 0, "Basic", 0, 5)
        || (value.length() > 5 && !Character.isWhitespace(value.charAt(5)))) {
      return false;
    }
    String credentials = value.substring(5).strip();
    return !credentials.isEmpty() && !BASE64.matcher(credentials).matches();
  }
}
