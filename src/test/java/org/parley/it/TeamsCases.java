package org.parley.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.it.Problems.assertProblem;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.interfaces.webhook.WebhookFixtures;

/**
 * Microsoft Teams through the Bot Framework on the shared deployment, against FakePlatforms'
 * stand-ins for its OpenID metadata and keys (the shared fixtures), its token endpoint and the
 * Connector API: activities with tokens minted here by the fixtures' test key are answered in their
 * conversation with a token fetched once; tokens the Bot Framework would not have signed for this
 * bot and this service URL are refused, and nothing of them is stored.
 */
abstract class TeamsCases {

  private static final String APP_ID = "00000000-0000-0000-0000-00000000b0f1";
  private static final String KID = "parley-test-key-1";

  @Test
  void signedActivitiesAreAnsweredInTheirConversationWithOneToken() throws Exception {
    String user = "29:it-" + UUID.randomUUID();
    String conversation = "a:it-" + UUID.randomUUID();
    long tokensBefore = FakePlatforms.teamsTokensIssued();
    String first = "it-" + UUID.randomUUID();
    assertEquals(
        200, post(activity(first, user, conversation, "hello"), token(claims())).statusCode());
    FakePlatforms.Call reply = awaitReply(conversation, first);
    assertEquals("message", reply.body().getString("type"));
    assertEquals(first, reply.body().getString("replyToId"));
    String second = "it-" + UUID.randomUUID();
    assertEquals(
        200,
        post(activity(second, user, conversation, "tell me a quote"), token(claims()))
            .statusCode());
    awaitReply(conversation, second);
    assertTrue(
        FakePlatforms.teamsTokensIssued() - tokensBefore <= 1,
        "the client-credentials token is kept: "
            + (FakePlatforms.teamsTokensIssued() - tokensBefore));
    assertEquals(
        "TEXT",
        TestDocumentStore.database()
            .getCollection("messages")
            .find(eq("_id", "teams:" + first))
            .first()
            .getString("type"),
        "stored under the activity's id");
  }

  @Test
  void tokensTheBotFrameworkWouldNotHaveSignedForThisBotAreRefusedAndNothingIsStored()
      throws Exception {
    String user = "29:it-" + UUID.randomUUID();
    String conversation = "a:it-" + UUID.randomUUID();
    String refused = "it-" + UUID.randomUUID();
    String body = activity(refused, user, conversation, "hello");
    assertProblem(post(body, null), 401, "signature-missing", "Authorization");
    assertProblem(
        post(body, token(claims().audience("00000000-0000-0000-0000-00000000beef"))),
        403,
        "signature-invalid",
        "Authorization");
    assertProblem(
        post(body, token(claims().claim("serviceurl", "https://smba.trafficmanager.net/amer/"))),
        403,
        "signature-invalid",
        "Authorization");
    assertProblem(
        post(body, token(claims().expirationTime(Date.from(Instant.now().minusSeconds(600))))),
        403,
        "signature-invalid",
        "Authorization");
    PrivateKey stranger =
        KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(); // same kid, wrong key
    assertProblem(post(body, token(claims(), stranger)), 403, "signature-invalid", "Authorization");
    assertProblem(post("{\"type\":", token(claims())), 400, "malformed-payload", "body");

    // something later: the same user's signed message is answered, then what must be absent
    String later = "it-" + UUID.randomUUID();
    assertEquals(
        200, post(activity(later, user, conversation, "hello"), token(claims())).statusCode());
    awaitReply(conversation, later);
    assertNull(
        TestDocumentStore.database()
            .getCollection("messages")
            .find(eq("_id", "teams:" + refused))
            .first(),
        "nothing of the refused activity was stored");
  }

  private static String serviceUrl() {
    return "http://127.0.0.1:" + TestEnvironment.platformsPort() + "/teams/";
  }

  private static String activity(String id, String user, String conversation, String text) {
    return Json.createObjectBuilder()
        .add("type", "message")
        .add("id", id)
        .add("timestamp", Instant.now().toString())
        .add("channelId", "msteams")
        .add("serviceUrl", serviceUrl())
        .add("from", Json.createObjectBuilder().add("id", user).add("name", "Test"))
        .add(
            "conversation",
            Json.createObjectBuilder().add("conversationType", "personal").add("id", conversation))
        .add("recipient", Json.createObjectBuilder().add("id", "28:" + APP_ID))
        .add("text", text)
        .add("locale", "en-US")
        .build()
        .toString();
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("https://api.botframework.com")
        .audience(APP_ID)
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .issueTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("serviceurl", serviceUrl());
  }

  private static String token(JWTClaimsSet.Builder claims) throws Exception {
    String pem =
        new String(WebhookFixtures.bytes("botframework-test-key.pem"), StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return token(
        claims,
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
  }

  private static String token(JWTClaimsSet.Builder claims, PrivateKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).type(JOSEObjectType.JWT).build(),
            claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static HttpResponse<String> post(String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(TestEnvironment.http("/webhooks/teams"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Http.send(request.build());
  }

  private static FakePlatforms.Call awaitReply(String conversation, String activityId) {
    String method = conversation + "/activities/" + activityId; // the stand-in sees it decoded
    return Await.value(
        "the reply to " + activityId,
        Duration.ofSeconds(30),
        () ->
            FakePlatforms.calls(c -> c.platform().equals("teams") && c.method().equals(method))
                .stream()
                .findFirst());
  }
}
