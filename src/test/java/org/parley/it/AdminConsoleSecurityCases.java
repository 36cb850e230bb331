package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's guards over plain HTTP (no browser needed): who gets in, the headers on every
 * answer, no open redirect after the login, forms that change nothing without the page's view
 * state, a 400 naming the filter that does not parse, and the DataAPI still answering BASIC.
 */
abstract class AdminConsoleSecurityCases {

  @Test
  void withoutASessionEveryConsolePageRedirectsToTheLoginPageWithTheSecurityHeaders() {
    ConsoleClient anonymous = new ConsoleClient();
    for (String page :
        new String[] {
          "dashboard.xhtml",
          "conversations.xhtml",
          "transcript.xhtml?dialog=x",
          "dead-letters.xhtml",
          "handoffs.xhtml",
          "live/transcript?dialog=x",
          "plugins.xhtml",
          "audit.xhtml",
          "forbidden.xhtml"
        }) {
      HttpResponse<String> response = anonymous.get("/admin/" + page);
      assertEquals(302, response.statusCode(), page);
      assertTrue(ConsoleClient.location(response).startsWith("/admin/login.xhtml"), page);
      assertSecurityHeaders(response);
      assertEquals("", response.body(), "nothing of the page");
    }
    assertEquals(
        "/admin/login.xhtml?next=%2Fadmin%2Fconversations.xhtml%3Fconsent%3DCONSENTED",
        ConsoleClient.location(anonymous.get("/admin/conversations.xhtml?consent=CONSENTED")));
    assertEquals("/admin/dashboard.xhtml", ConsoleClient.location(anonymous.get("/admin")));

    HttpResponse<String> login = anonymous.get("/admin/login.xhtml");
    assertEquals(200, login.statusCode());
    assertSecurityHeaders(login);
    assertTrue(login.body().contains("id=\"login:password\" type=\"password\""));
  }

  @Test
  void anAdminSignsInUnderANewSessionIdAndComesBackOnlyToConsolePages() {
    ConsoleClient admin = new ConsoleClient();
    admin.get("/admin/login.xhtml");
    String before = admin.sessionId();
    assertNotNull(before, "the login form has a session (its view state)");
    HttpResponse<String> signedIn =
        admin.signIn("admin", "dev-admin-password", "/admin/plugins.xhtml");
    assertEquals(302, signedIn.statusCode());
    assertEquals("/admin/plugins.xhtml", ConsoleClient.location(signedIn));
    assertNotEquals(before, admin.sessionId(), "a new session id after the login (no fixation)");
    HttpResponse<String> page = admin.get("/admin/plugins.xhtml");
    assertEquals(200, page.statusCode());
    assertSecurityHeaders(page);

    for (String next :
        new String[] {
          "https://evil.example/", "//evil.example/admin/", "/data", "/admin/../data"
        }) {
      ConsoleClient other = new ConsoleClient();
      assertEquals(
          "/admin/dashboard.xhtml",
          ConsoleClient.location(other.signIn("admin", "dev-admin-password", next)),
          "not sent on to " + next);
    }
  }

  @Test
  void aWrongPasswordIsRefusedOnTheLoginPageAndAudited() {
    ConsoleClient client = new ConsoleClient();
    HttpResponse<String> refused = client.signIn("admin", "not-the-password", null);
    assertEquals(200, refused.statusCode());
    assertTrue(refused.body().contains("Wrong user name or password."));
    assertEquals(302, client.get("/admin/dashboard.xhtml").statusCode(), "still not signed in");

    String stranger = "nobody-" + System.nanoTime();
    client.signIn(stranger, "guess", null);
    ConsoleClient admin = new ConsoleClient();
    admin.signIn("admin", "dev-admin-password", null);
    String log = admin.get("/admin/audit.xhtml?action=SIGN_IN_REFUSED").body();
    assertTrue(
        log.contains("<span class=\"target\">" + stranger + "</span>"), "the refusal is audited");
  }

  @Test
  void theLiveTranscriptFollowsOnlyATranscriptThisSessionOpenedAndNamesWhatIsWrong() {
    String dialog = "live-" + System.nanoTime();
    assertEquals(
        201,
        DataApiClient.WRITER
            .postText("c-" + dialog, dialog, "parcel 4711 is lost", "en")
            .statusCode());
    ConsoleClient admin = new ConsoleClient();
    admin.signIn("admin", "dev-admin-password", null);

    HttpResponse<String> unopened = admin.get("/admin/live/transcript?dialog=" + dialog);
    assertEquals(403, unopened.statusCode());
    assertTrue(
        unopened
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    assertTrue(unopened.body().contains("\"type\":\"https://parley.org/problems/not-opened\""));
    assertFalse(unopened.body().contains("4711"), "nothing of the dialog");
    HttpResponse<String> unnamed = admin.get("/admin/live/transcript");
    assertEquals(400, unnamed.statusCode());
    assertTrue(unnamed.body().contains("missing-parameter"), unnamed.body());

    assertEquals(200, admin.get("/admin/transcript.xhtml?dialog=" + dialog).statusCode());
    HttpResponse<String> followed = admin.get("/admin/live/transcript?dialog=" + dialog);
    assertEquals(200, followed.statusCode());
    assertTrue(
        followed.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    jakarta.json.JsonObject feed = Http.json(followed);
    assertEquals(1, feed.getJsonArray("lines").size());
    assertEquals(
        "parcel 4711 is lost", feed.getJsonArray("lines").getJsonObject(0).getString("text"));
    assertEquals("The bot answers this conversation.", feed.getString("handoff"));

    ConsoleClient other = new ConsoleClient();
    other.signIn("admin", "dev-admin-password", null);
    assertEquals(
        403,
        other.get("/admin/live/transcript?dialog=" + dialog).statusCode(),
        "another session has not opened it");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() {
    HttpResponse<String> login = new ConsoleClient().get("/admin/login.xhtml");
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
  }

  @Test
  void aUserWithoutTheAdminRoleGetsA403PageAndNoData() {
    ConsoleClient operator = new ConsoleClient();
    assertEquals(302, operator.signIn("operator", "dev-operator-password", null).statusCode());
    for (String page :
        new String[] {"dashboard.xhtml", "conversations.xhtml", "dead-letters.xhtml"}) {
      HttpResponse<String> response = operator.get("/admin/" + page);
      assertEquals(403, response.statusCode(), page);
      assertTrue(response.body().contains("does not have the"), page);
      assertFalse(response.body().contains("id=\"figures\""), page);
      assertSecurityHeaders(response);
    }
  }

  @Test
  void aFormWithoutThePagesViewStateChangesNothing() {
    ConsoleClient admin = new ConsoleClient();
    admin.signIn("admin", "dev-admin-password", null);
    String page = admin.get("/admin/plugins.xhtml").body();
    String close = closeButtonOf(page, "quotes");

    Map<String, String> form = new LinkedHashMap<>();
    form.put("plugins", "plugins");
    form.put(close, "Close");
    form.put("jakarta.faces.ViewState", "1234567890:987654321");
    HttpResponse<String> forged = admin.postRaw("/admin/plugins.xhtml", form);
    assertEquals(302, forged.statusCode(), "sent back to the page");
    form.remove("jakarta.faces.ViewState");
    assertTrue(admin.postRaw("/admin/plugins.xhtml", form).statusCode() < 400);

    ConsoleClient stranger = new ConsoleClient();
    stranger.signIn("admin", "dev-admin-password", null); // another session's view state
    form.put(
        "jakarta.faces.ViewState",
        ConsoleClient.viewState(stranger.get("/admin/plugins.xhtml").body()));
    admin.postRaw("/admin/plugins.xhtml", form);

    String after = admin.get("/admin/plugins.xhtml").body();
    assertTrue(after.contains(close), "quotes still has its Close button: still connected");
    assertTrue(healthOf(after, "quotes").equals("SUCCESS"));
  }

  @Test
  void aFilterThatDoesNotParseIsAnswered400NamingIt() {
    ConsoleClient admin = new ConsoleClient();
    admin.signIn("admin", "dev-admin-password", null);
    Map<String, String> bad =
        Map.of(
            "language=zz", "(language)",
            "consent=MAYBE", "(consent)",
            "channel=fax", "(channel)",
            "from=2026-13-01", "(from)",
            "from=2026-11-23&to=2026-11-01", "(to)",
            "cursor=@@@", "(cursor)");
    bad.forEach(
        (query, field) -> {
          HttpResponse<String> response = admin.get("/admin/conversations.xhtml?" + query);
          assertEquals(400, response.statusCode(), query);
          assertTrue(response.body().contains(field), query + " names " + field);
          assertFalse(response.body().contains("class=\"dialog-link\""), "no rows");
        });
    assertEquals(
        200, admin.get("/admin/conversations.xhtml?language=en&consent=AWAITING").statusCode());
    assertEquals(404, admin.get("/admin/transcript.xhtml?dialog=no-such-dialog").statusCode());
    assertEquals(400, admin.get("/admin/audit.xhtml?action=NOTHING").statusCode());
  }

  @Test
  void signingOutEndsTheSession() {
    ConsoleClient admin = new ConsoleClient();
    admin.signIn("admin", "dev-admin-password", null);
    String page = admin.get("/admin/dashboard.xhtml").body();
    HttpResponse<String> out =
        admin.post(
            "/admin/dashboard.xhtml",
            page,
            Map.of("session", "session", "session:sign-out", "Sign out"));
    assertEquals(302, out.statusCode());
    assertEquals("/admin/login.xhtml?signedOut=true", ConsoleClient.location(out));
    assertEquals(302, admin.get("/admin/dashboard.xhtml").statusCode(), "signed out");
  }

  @Test
  void theDataApiStillAnswersWithBasicAuthentication() {
    HttpResponse<String> anonymous = DataApiClient.ANONYMOUS.get("/data");
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(
        403,
        DataApiClient.CONSOLE_ADMIN.get("/data").statusCode(),
        "console admins are not data readers");
  }

  private static void assertSecurityHeaders(HttpResponse<String> response) {
    String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("default-src 'none'"), policy);
    assertTrue(policy.contains("script-src 'self'"), policy);
    assertFalse(policy.contains("unsafe-inline"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
  }

  /** The name of the Close button in the plugin's row. */
  private static String closeButtonOf(String page, String plugin) {
    Matcher row =
        Pattern.compile(
                "<span class=\"name\">"
                    + plugin
                    + "</span>.*?name=\"(plugins:table:\\d+:[^\"]+)\" value=\"Close\"",
                Pattern.DOTALL)
            .matcher(page);
    assertTrue(row.find(), "a Close button for " + plugin);
    return row.group(1);
  }

  private static String healthOf(String page, String plugin) {
    Matcher row =
        Pattern.compile(
                "<span class=\"name\">" + plugin + "</span>.*?<span class=\"health ([A-Z]+)\"",
                Pattern.DOTALL)
            .matcher(page);
    assertTrue(row.find());
    return row.group(1);
  }
}
