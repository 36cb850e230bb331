package org.parley.interfaces.edge;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import org.parley.interfaces.rest.Problem;

/**
 * Problem+json answers written straight on the exchange, before any servlet runs. Their texts are
 * fixed: nothing of the request is echoed back.
 */
final class EdgeProblems {

  static final String BASIC_CHALLENGE = "Basic realm=\"Parley\"";

  private EdgeProblems() {}

  static void send(
      HttpServerExchange exchange,
      int status,
      String type,
      String title,
      String detail,
      String field) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problem.MEDIA_TYPE);
    exchange.getResponseSender().send(json(status, type, title, detail, field));
  }

  /**
   * The problem's JSON, written by hand: this runs before the deployment's servlets, outside the
   * context a JSON-B lookup needs; every argument is one of Parley's own constant texts.
   */
  private static String json(int status, String type, String title, String detail, String field) {
    StringBuilder json =
        new StringBuilder("{\"type\":\"https://parley.org/problems/")
            .append(type)
            .append("\",\"title\":\"")
            .append(title)
            .append("\",\"status\":")
            .append(status)
            .append(",\"detail\":\"")
            .append(detail)
            .append('"');
    if (field != null) {
      json.append(",\"field\":\"").append(field).append('"');
    }
    return json.append('}').toString();
  }
}
