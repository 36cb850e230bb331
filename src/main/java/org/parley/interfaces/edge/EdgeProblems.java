package org.parley.interfaces.edge;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Problem+json answers written straight on the exchange, before any servlet runs. Their texts are
 * fixed: nothing of the request is echoed back.
 */
final class EdgeProblems {

  static final String MEDIA_TYPE = "application/problem+json";
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
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, MEDIA_TYPE);
    exchange.getResponseSender().send(json(status, type, title, detail, field));
  }

  /** The problem's JSON; every argument is one of Parley's own constant texts. */
  static String json(int status, String type, String title, String detail, String field) {
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
