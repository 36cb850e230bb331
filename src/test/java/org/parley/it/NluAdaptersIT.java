package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.NluResult;
import org.parley.nlu.dialogflow.DialogflowNluEngine;
import org.parley.nlu.rasa.RasaNluEngine;

/**
 * Inside the WAR: the Rasa and Dialogflow adapters against local servers that answer as they do,
 * slowly, wrongly or not at all; every failure ends in the embedded engine's answer.
 */
@ExtendWith(ArquillianExtension.class)
class NluAdaptersIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Inject RasaNluEngine rasa;
  @Inject DialogflowNluEngine dialogflow;

  @Inject
  @ConfigProperty(name = "parley.nlu.rasa.url")
  String rasaUrl;

  /** Lets a breaker that failures opened close again (500 ms in the ITs) before the next test. */
  @AfterEach
  void breakersClosed() throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      if (rasa.parse("build again", NluContext.none()).intent().equals("rasa_build")
          && dialogflow.parse("order again", NluContext.none()).intent().equals("df.order")) {
        return;
      }
      Thread.sleep(200);
    }
  }

  @Test
  void rasasIntentEntitiesAndRankingComeThroughWithTheDetectedLanguage() {
    NluResult result = rasa.parse("please build parley-web now", NluContext.none());

    assertEquals("rasa_build", result.intent());
    assertEquals(0.93, result.confidence(), 1e-9);
    assertEquals(
        List.of(new NluResult.Entity("job", "parley-web", "parley-web", 13, 23)),
        result.entities());
    assertEquals(List.of(new NluResult.IntentScore("rasa_other", 0.05)), result.alternatives());
    assertEquals("EN", result.language());
    assertEquals(
        "DE", rasa.parse("Kannst du bitte den Hauptzweig bauen", NluContext.none()).language());
  }

  @Test
  void aLowConfidenceFromRasaIsFallback() {
    assertEquals(NluResult.FALLBACK, rasa.parse("[lowconf] mumble", NluContext.none()).intent());
  }

  @Test
  void whenRasaFailsItIsRetriedOnceAndThenTheEmbeddedEngineAnswers() throws Exception {
    String text = "[error] hello there " + java.util.UUID.randomUUID();

    NluResult result = rasa.parse(text, NluContext.none());

    assertEquals("greet", result.intent(), "the embedded engine's intent");
    assertEquals(2, calls(text).getInt("count"), "one call and one retry");
  }

  @Test
  void whenRasaIsSlowOrGarbledTheEmbeddedEngineAnswers() {
    assertEquals("greet", rasa.parse("[slow] hello there", NluContext.none()).intent());
    assertEquals("greet", rasa.parse("[garbage] hello there", NluContext.none()).intent());
  }

  @Test
  void dialogflowGetsTheTokenAndTheLanguageAndItsParametersBecomeEntities() throws Exception {
    NluResult result =
        dialogflow.parse("Bitte baue parley-web auf dem Hauptzweig", NluContext.none());

    assertEquals(
        "df.order", result.intent(), "a 401 would have fallen back to the embedded engine");
    assertEquals(0.93, result.confidence(), 1e-9);
    assertEquals(
        List.of(new NluResult.Entity("job", "parley-web", "parley-web", 11, 21)),
        result.entities());
    assertEquals("de", calls("Bitte baue parley-web auf dem Hauptzweig").getString("languageCode"));
  }

  @Test
  void whenDialogflowFailsTheEmbeddedEngineAnswers() {
    assertEquals("greet", dialogflow.parse("[error] hello there", NluContext.none()).intent());
    assertEquals(
        "quote", dialogflow.parse("[slow] tell me a famous quote", NluContext.none()).intent());
    assertTrue(dialogflow.parse("[lowconf] hm", NluContext.none()).isFallback());
  }

  private JsonObject calls(String text) throws Exception {
    String base = rasaUrl.replaceAll("/rasa/?$", "");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            base
                                + "/calls?text="
                                + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
