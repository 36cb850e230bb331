package org.parley.interfaces.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** After signing in, only console pages are places to go back to. */
class LoginTargetTest {

  @ParameterizedTest
  @CsvSource({
    "/admin/conversations.xhtml?consent=CONSENTED, /admin/conversations.xhtml?consent=CONSENTED",
    "/admin/transcript.xhtml?dialog=a%2Fb, /admin/transcript.xhtml?dialog=a%2Fb",
    "/admin/x/../plugins.xhtml, /admin/plugins.xhtml",
    "/admin/../data, /admin/dashboard.xhtml",
    "/data, /admin/dashboard.xhtml",
    "https://evil.example/admin/, /admin/dashboard.xhtml",
    "//evil.example/admin/, /admin/dashboard.xhtml",
    "/admin/login.xhtml?next=x, /admin/dashboard.xhtml",
    "'/admin/ x y', /admin/dashboard.xhtml",
    "'', /admin/dashboard.xhtml"
  })
  void onlyConsolePages(String next, String expected) {
    assertEquals(expected, LoginBean.target(next));
  }
}
