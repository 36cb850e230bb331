package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.NluEngine;
import org.parley.nlu.api.NluResult;

/** Inside the WAR: the NLU engine the application gets is trained on the enabled plugins only. */
@ExtendWith(ArquillianExtension.class)
class NluWiringIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Inject NluEngine nlu;

  @Test
  void theDeployedEngineKnowsTheEnabledPluginsIntents() {
    assertEquals("greet", nlu.parse("hello there", NluContext.none()).intent());
    assertEquals("quote", nlu.parse("tell me a famous quote please", NluContext.none()).intent());
    assertEquals("help", nlu.parse("what can you do for me", NluContext.none()).intent());
  }

  @Test
  void intentsAndEntitiesOfTheJenkinsPluginAreLearned() {
    NluResult result = nlu.parse("build parley-web on the dev branch", NluContext.none());

    assertEquals("jenkins.build", result.intent(), result.toString());
    assertEquals(
        List.of("job=parley-web", "branch=develop"),
        result.entities().stream().map(e -> e.type() + "=" + e.value()).toList());
  }

  @Test
  void languageComesFromTheTextOrForShortTextsFromTheHint() {
    assertEquals(
        "DE", nlu.parse("Wie ist der Status des nächtlichen Jobs", NluContext.none()).language());
    assertEquals("FR", nlu.parse("merci", NluContext.withLocale("fr_FR")).language());
    assertEquals("EN", nlu.parse("merci", NluContext.none()).language(), "too short: the default");
  }
}
