package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin's session ends after {@code parley.admin.session-timeout} without a request (set to 2 s
 * in this deployment's own configuration), and a request in time keeps it alive.
 */
@ExtendWith(ArquillianExtension.class)
class AdminSessionTimeoutIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war()
        .addAsResource(
            new StringAsset("parley.admin.session-timeout=PT2S\n"),
            "META-INF/microprofile-config.properties");
  }

  @Test
  void anIdleSessionEndsAndTheNextPageAsksForTheLoginAgain() throws InterruptedException {
    ConsoleClient admin = new ConsoleClient();
    assertEquals(302, admin.signIn("admin", "dev-admin-password", null).statusCode());
    Thread.sleep(1000);
    assertEquals(200, admin.get("/admin/plugins.xhtml").statusCode(), "idle 1 s: still signed in");
    Thread.sleep(3500);
    var expired = admin.get("/admin/dashboard.xhtml");
    assertEquals(302, expired.statusCode(), "idle longer than the timeout");
    assertTrue(ConsoleClient.location(expired).startsWith("/admin/login.xhtml"));
  }
}
