package org.parley.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin console over plain HTTP, as a browser without JavaScript uses it: one cookie jar, no
 * redirects followed, forms posted with the view state the page gave.
 */
final class ConsoleClient {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

  final CookieManager cookies = new CookieManager();
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Where the console is: the test server's, or another node's base URL. */
  private final String base;

  ConsoleClient() {
    this(null);
  }

  /** A client of the console at {@code base} (e.g. {@code http://127.0.0.1:8580}). */
  ConsoleClient(String base) {
    this.base = base;
  }

  private URI uri(String path) {
    return base == null ? TestEnvironment.http(path) : URI.create(base + path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** Posts the form fields to the page, with the view state found in {@code page}. */
  HttpResponse<String> post(String path, String page, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("jakarta.faces.ViewState", viewState(page));
    return postRaw(path, all);
  }

  HttpResponse<String> postRaw(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Signs in through the login form; returns the form's answer (a redirect when accepted). */
  HttpResponse<String> signIn(String user, String password, String next) {
    HttpResponse<String> page =
        get(
            "/admin/login.xhtml"
                + (next == null ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:next", next == null ? "" : next);
    form.put("login:username", user);
    form.put("login:password", password);
    form.put("login:sign-in", "Sign in");
    return post("/admin/login.xhtml", page.body(), form);
  }

  String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(c -> c.getValue())
        .findFirst()
        .orElse(null);
  }

  static String viewState(String page) {
    Matcher matcher = VIEW_STATE.matcher(page);
    if (!matcher.find()) {
      throw new AssertionError("no view state on the page");
    }
    return matcher.group(1);
  }

  /** Where a redirect goes, as a path with its query. */
  static String location(HttpResponse<String> response) {
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    return location.getRawPath()
        + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
