package org.parley.interfaces.webhook.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.interfaces.rest.RequestBodyException;
import org.parley.interfaces.webhook.WebhookFixtures;

/** What the resource answers when no token can be checked at all. */
class TeamsWebhookResourceTest {

  @Test
  void keysThatCannotBeFetchedAre503SoThatTheActivityIsSentAgain() {
    TeamsWebhookResource resource = new TeamsWebhookResource();
    resource.appId = Optional.of("00000000-0000-0000-0000-00000000b0f1");
    resource.metadataUrl = "http://127.0.0.1:1/openidconfiguration"; // nothing listens there
    resource.init();
    String token;
    try (var reader =
        Json.createReader(
            new StringReader(
                new String(
                    WebhookFixtures.bytes("botframework-tokens.json"), StandardCharsets.UTF_8)))) {
      token = reader.readObject().getJsonObject("valid").getString("token");
    }
    RequestBodyException refused =
        assertThrows(
            RequestBodyException.class,
            () ->
                resource.receive(
                    "Bearer " + token,
                    new ByteArrayInputStream(WebhookFixtures.bytes("botframework-message.json"))));
    assertEquals(503, refused.problem().toResponse().getStatus());
  }
}
