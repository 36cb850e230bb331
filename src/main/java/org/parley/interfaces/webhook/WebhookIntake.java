package org.parley.interfaces.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.application.InboundMessage;
import org.parley.application.InboundQueue;
import org.parley.application.PipelineMetrics;
import org.parley.interfaces.rest.RateLimitedException;
import org.parley.interfaces.rest.RequestBodyException;

/**
 * What every webhook does after its platform's check: read the raw body (bounded), refuse what is
 * unsigned or malformed with a problem naming why, and queue every message durably before the
 * answer. Nothing here touches the NLU or the store.
 */
@ApplicationScoped
public class WebhookIntake {

  /** The largest callback read: Messenger batches many events in one. */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());

  @Inject InboundQueue queue;
  @Inject PipelineMetrics metrics;
  @Inject IntakeLimits limits;

  /** The raw bytes, the signature's input; 413 beyond {@link #MAX_BYTES}. */
  public static byte[] read(InputStream body) {
    try {
      byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new RequestBodyException(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "payload-too-large",
            "body",
            "The body must not be larger than " + MAX_BYTES + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 401 when the platform's signature or token is missing. */
  public static RequestBodyException missing(String header) {
    return new RequestBodyException(
        Response.Status.UNAUTHORIZED,
        "signature-missing",
        header,
        "The request carries no " + header);
  }

  /** 403 when it is there but does not verify. */
  public static RequestBodyException wrong(String header) {
    return new RequestBodyException(
        Response.Status.FORBIDDEN,
        "signature-invalid",
        header,
        "The " + header + " does not match this request");
  }

  /** 403 when the channel is not configured: Parley cannot verify anything. */
  public static RequestBodyException notConfigured(String channel, String key) {
    return new RequestBodyException(
        Response.Status.FORBIDDEN,
        "channel-not-configured",
        null,
        "The " + channel + " channel is not configured (" + key + " is not set)");
  }

  /** 400 for a body that is not the platform's format. */
  public static RequestBodyException malformed(MalformedPayloadException e) {
    return new RequestBodyException(
        Response.Status.BAD_REQUEST, "malformed-payload", "body", e.getMessage());
  }

  /**
   * Queues a platform's messages in order; throws (→ 503) if the queue does not take one, so the
   * platform sends the callback again (what was queued already is then dropped by the broker as a
   * duplicate). A message over its user's rate limit is acknowledged but not queued: refusing it
   * would make the platform send it again and again (Telegram, Slack and Meta retry what was not
   * answered 2xx, and disable a webhook that keeps failing, for every user), so the flood would not
   * stop, and the other users' messages in that callback would be sent again with it.
   */
  public void queue(String channel, List<InboundMessage> messages, long startedNanos) {
    int queued = 0;
    for (InboundMessage message : messages) {
      if (!limits.user(channel, message.userId()).isZero()) {
        metrics.shed(channel); // counted, and logged at FINE only: a flood must not flood the log
        LOG.log(
            Level.FINE,
            "A {0} message of a user over the rate limit was acknowledged and shed",
            channel);
        continue;
      }
      queue.enqueue(message);
      queued++;
    }
    metrics.acknowledged(channel, queued, Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  /**
   * Queues a web chat message, or refuses it with 429 when its user is over the rate limit: the web
   * chat is our own client, which waits and sends it again.
   */
  public void queueOrRefuse(String channel, InboundMessage message, long startedNanos) {
    Duration wait = limits.user(channel, message.userId());
    if (!wait.isZero()) {
      throw new RateLimitedException("messages from this user", wait);
    }
    queue.enqueue(message);
    metrics.acknowledged(channel, 1, Duration.ofNanos(System.nanoTime() - startedNanos));
  }
}
