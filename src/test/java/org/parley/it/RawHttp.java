package org.parley.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client refuses to send (a malformed
 * percent-escape, any header value): the request exactly as given, {@code Connection: close}, the
 * answer read to the end. A server that does not answer within 30 s is reported as a hang.
 */
final class RawHttp {

  /** The answer: status, headers (lower-case names), body as text. */
  record Answer(int status, Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  /** Thrown when the server does not answer in time. */
  static final class Hang extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Hang(String request) {
      super("no answer within 30 s to " + request);
    }
  }

  private RawHttp() {}

  static Answer send(String method, String target, Map<String, String> headers, byte[] body) {
    return send("127.0.0.1", method, target, headers, body);
  }

  /** From another loopback address ({@code 127.0.0.2}): another client, as the server sees it. */
  static Answer send(
      String from, String method, String target, Map<String, String> headers, byte[] body) {
    int port = TestEnvironment.http("/").getPort();
    try (Socket socket =
        new Socket(
            java.net.InetAddress.getByName("127.0.0.1"),
            port,
            java.net.InetAddress.getByName(from),
            0)) {
      socket.setSoTimeout(30_000);
      StringBuilder head =
          new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      head.append("Connection: close\r\n");
      for (Map.Entry<String, String> header : headers.entrySet()) {
        head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (SocketTimeoutException e) {
      throw new Hang(method + " " + target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("not an HTTP answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    try {
      while (true) {
        StringBuilder size = new StringBuilder();
        for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
          if (c != '\r') {
            size.append((char) c);
          }
        }
        int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
        if (length == 0) {
          return out.toByteArray();
        }
        out.write(in.readNBytes(length));
        in.readNBytes(2);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
