package org.parley.interfaces.webhook.teams;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks the Bot Framework's bearer token on an inbound activity: RS256, signed by the key of the
 * OpenID metadata's JWKS that its {@code kid} names (fetched once and kept for a day; an unknown
 * {@code kid} fetches them again, at most once a minute, then is refused), a key that endorses the
 * activity's channel, issuer {@code https://api.botframework.com}, audience the bot's app id,
 * {@code nbf} and {@code exp} with 5 minutes of skew, and a {@code serviceurl} claim equal to the
 * activity's {@code serviceUrl} (so that replies go only where the Bot Framework vouched for). Uses
 * Nimbus JOSE + JWT for the parsing and the signature.
 */
public final class BotFrameworkTokens {

  static final String ISSUER = "https://api.botframework.com";
  static final Duration SKEW = Duration.ofMinutes(5);
  static final Duration KEYS_KEPT = Duration.ofDays(1);
  static final Duration REFETCH_AT_MOST_EVERY = Duration.ofMinutes(1);

  /** Why a token was refused, for the problem's detail (never the token itself). */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private final String metadataUrl;
  private final String appId;
  private final Function<String, String> fetch;
  private final Clock clock;
  private volatile JWKSet keys;
  private volatile Map<String, List<?>> endorsements = Map.of();
  private volatile Instant fetchedAt = Instant.MIN;
  private volatile Instant unknownRefetchAt = Instant.MIN;

  /**
   * @param metadataUrl the OpenID metadata, whose {@code jwks_uri} names the keys
   * @param appId the bot's Microsoft app id (the audience)
   * @param fetch GETs a URL and returns its body (throws when it cannot)
   */
  public BotFrameworkTokens(
      String metadataUrl, String appId, Function<String, String> fetch, Clock clock) {
    this.metadataUrl = Objects.requireNonNull(metadataUrl);
    this.appId = Objects.requireNonNull(appId);
    this.fetch = fetch;
    this.clock = clock;
  }

  /**
   * Checks {@code token} for an activity from {@code channelId} with {@code serviceUrl}.
   *
   * @throws Refused naming what is wrong
   */
  public void verify(String token, String serviceUrl, String channelId) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new Refused("not a signed JWT");
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new Refused("not signed RS256");
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null) {
      throw new Refused("names no key (kid)");
    }
    JWK key = key(kid);
    if (!(key instanceof RSAKey rsa)) {
      throw new Refused("is signed by a key (kid " + kid + ") the Bot Framework does not list");
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(rsa))) {
        throw new Refused("signature does not verify");
      }
    } catch (JOSEException e) {
      throw new Refused("signature does not verify");
    }
    List<?> endorsed = endorsements.get(kid);
    if (endorsed != null && channelId != null && !endorsed.contains(channelId)) {
      throw new Refused("is signed by a key that does not endorse channel " + channelId);
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new Refused("claims do not parse");
    }
    if (!ISSUER.equals(claims.getIssuer())) {
      throw new Refused("issuer is not " + ISSUER);
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(appId)) {
      throw new Refused("audience is not this bot's app id");
    }
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null || now.isAfter(expires.toInstant().plus(SKEW))) {
      throw new Refused("has expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.isBefore(notBefore.toInstant().minus(SKEW))) {
      throw new Refused("is not valid yet");
    }
    Object claimed = claims.getClaim("serviceurl");
    if (serviceUrl == null || !serviceUrl.equals(claimed)) {
      throw new Refused("serviceurl claim is not the activity's serviceUrl");
    }
  }

  /** The key named {@code kid}: from the kept keys, or from the keys fetched again. */
  private JWK key(String kid) {
    JWKSet known = keys;
    Instant now = clock.instant();
    if (known == null || fetchedAt.plus(KEYS_KEPT).isBefore(now)) {
      known = refetch(now);
    }
    JWK key = known.getKeyByKeyId(kid);
    if (key == null
        && Duration.between(unknownRefetchAt, now).compareTo(REFETCH_AT_MOST_EVERY) >= 0) {
      unknownRefetchAt = now; // a flood of made-up kids fetches once a minute, not once each
      key = refetch(now).getKeyByKeyId(kid); // a key the Bot Framework has rolled in since
    }
    return key;
  }

  private synchronized JWKSet refetch(Instant now) {
    try {
      Map<String, Object> metadata = JSONObjectUtils.parse(fetch.apply(metadataUrl));
      Object uri = metadata.get("jwks_uri");
      if (!(uri instanceof String jwks)) {
        throw new IllegalStateException("the OpenID metadata names no jwks_uri");
      }
      String json = fetch.apply(jwks);
      JWKSet parsed = JWKSet.parse(json);
      // the Bot Framework's own member: which channels a key may sign for
      Map<String, List<?>> endorsed = new HashMap<>();
      Object listed = JSONObjectUtils.parse(json).get("keys");
      if (listed instanceof List<?> all) {
        for (Object each : all) {
          if (each instanceof Map<?, ?> member
              && member.get("kid") instanceof String id
              && member.get("endorsements") instanceof List<?> channels) {
            endorsed.put(id, channels);
          }
        }
      }
      endorsements = Map.copyOf(endorsed);
      keys = parsed;
      fetchedAt = now;
      return keys;
    } catch (ParseException e) {
      throw new IllegalStateException("the Bot Framework's keys do not parse", e);
    }
  }
}
