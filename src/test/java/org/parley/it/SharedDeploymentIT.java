package org.parley.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One deployment of the WAR as built, shared by the client-side ITs that leave nothing behind in
 * it: each deployment costs ~5 s (Weld, the NLU trained). Each nested class is a whole IT of its
 * own ({@code *Cases}: its data scoped to its own customers, its own helpers); they share only the
 * deployment. ITs that change what a deployment holds in memory keep their own: the rate limits and
 * sign-in pauses (FloodIT, BadInputCorpusIT), closed plugins and sessions (AdminConsoleIT,
 * PluginsIT, the web chat ITs), and those that add classes or settings.
 */
@ExtendWith(ArquillianExtension.class)
class SharedDeploymentIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Nested
  class DataApi extends DataApiCases {}

  @Nested
  class DataApiListing extends DataApiListingCases {}

  @Nested
  class Jenkins extends JenkinsCases {}

  @Nested
  class RemotePlugin extends RemotePluginCases {}

  @Nested
  class AdminConsoleSecurity extends AdminConsoleSecurityCases {}

  @Nested
  class WhatsApp extends WhatsAppCases {}

  @Nested
  class Teams extends TeamsCases {}
}
