package org.parley.it;

import java.io.File;
import java.net.URI;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Where the ITs' server and store are, as failsafe configured them (pom.xml): the one place that
 * knows.
 */
public final class TestEnvironment {

  private static final String STORE_PORT = "parley.it.store.port";

  private TestEnvironment() {}

  static boolean isIntegrationTest() {
    return System.getProperty(STORE_PORT) != null;
  }

  static int nluPort() {
    return Integer.parseInt(required("parley.it.nlu.port"));
  }

  static int platformsPort() {
    return Integer.parseInt(required("parley.it.platforms.port"));
  }

  static int remotePluginPort() {
    return Integer.parseInt(required("parley.it.remote.port"));
  }

  static int jenkinsPort() {
    return Integer.parseInt(required("parley.it.jenkins.port"));
  }

  static int storePort() {
    return Integer.parseInt(required(STORE_PORT));
  }

  /** The WAR the build produced, deployed as it is (Parley answers at the context root). */
  public static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(required("parley.it.war")));
  }

  /** Parley's HTTP port under the ITs' port offset. */
  public static URI http(String path) {
    return URI.create("http://127.0.0.1:" + (8080 + portOffset()) + path);
  }

  /** The management interface (health, metrics) under the ITs' port offset. */
  public static URI management(String path) {
    return URI.create("http://127.0.0.1:" + required("parley.it.management-port") + path);
  }

  private static int portOffset() {
    return Integer.parseInt(required("parley.it.port-offset"));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          property + " is not set: run the ITs through Maven (failsafe)");
    }
    return value;
  }
}
