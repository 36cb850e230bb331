package org.parley.plugin.remote;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.Plugin;
import org.parley.plugin.api.PluginContext;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginHealth;
import org.parley.plugin.api.Reply;
import org.parley.plugin.api.UnknownActionException;

/**
 * A plugin whose actions an HTTP endpoint serves, in any language. Parley posts {@code {"plugin",
 * "action", "attributes", "language", "timestamp"}} signed with the shared secret; the endpoint
 * answers {@code {"replies": [{"type": "text", "text": ...}, {"type": "quick-replies", "text",
 * "options"}, {"type": "image", "url", "caption"}, {"type": "link", "url", "title"}]}}.
 */
public final class RemotePlugin implements Plugin {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  private static final Logger LOG = Logger.getLogger(RemotePlugin.class.getName());

  private final PluginDescriptor descriptor;
  private final URI endpoint;
  private final String secret;
  private final RemotePluginCaller caller;

  public RemotePlugin(
      PluginDescriptor descriptor, URI endpoint, String secret, RemotePluginCaller caller) {
    this.descriptor = descriptor;
    this.endpoint = endpoint;
    this.secret = secret;
    this.caller = caller;
  }

  @Override
  public PluginDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public void connect(PluginContext context) {}

  @Override
  public void close() {}

  @Override
  public PluginHealth health() {
    return caller.reachable(endpoint)
        ? PluginHealth.success(endpoint + " answers")
        : new PluginHealth(PluginHealth.Status.FAIL, endpoint + " does not answer");
  }

  @Override
  public List<Reply> trigger(Action action) {
    if (descriptor.route(action.name()).isEmpty()) {
      throw new UnknownActionException(descriptor.name(), action.name());
    }
    JsonObjectBuilder attributes = JSON_P.createObjectBuilder();
    action.attributes().forEach(attributes::add);
    String body =
        JSON_P
            .createObjectBuilder()
            .add("plugin", descriptor.name())
            .add("action", action.name())
            .add("attributes", attributes)
            .add("language", action.language() == null ? "EN" : action.language())
            .add("timestamp", Instant.now().getEpochSecond())
            .build()
            .toString();
    RemotePluginCaller.Answer answer;
    try {
      answer = caller.call(endpoint, secret, body);
    } catch (RemotePluginException | FaultToleranceException e) {
      // the class only at WARNING: the message may quote what the user said (the details at FINE)
      LOG.log(
          Level.WARNING,
          "Remote plugin {0} failed: {1}",
          new Object[] {descriptor.name(), e.getClass().getSimpleName()});
      LOG.log(Level.FINE, "Remote plugin " + descriptor.name() + " failed", e);
      return text("The " + descriptor.name() + " service is not answering right now.");
    }
    if (answer.status() == 401 || answer.status() == 403) {
      LOG.log(
          Level.WARNING,
          "Remote plugin {0} refused the signed request ({1}): check its secret",
          new Object[] {descriptor.name(), answer.status()});
      return text("The " + descriptor.name() + " service refused the request.");
    }
    try {
      return replies(answer);
    } catch (JsonException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Remote plugin {0} answered something unusable", descriptor.name());
      return text("The " + descriptor.name() + " service gave an answer I cannot show.");
    }
  }

  private static List<Reply> replies(RemotePluginCaller.Answer answer) {
    if (answer.status() >= 300) {
      throw new IllegalArgumentException("status " + answer.status());
    }
    JsonObject root;
    try (JsonReader reader = JSON_P.createReader(new StringReader(answer.body()))) {
      root = reader.readObject();
    }
    JsonArray items = root.getJsonArray("replies");
    List<Reply> replies = new ArrayList<>();
    for (JsonValue item : items) {
      JsonObject reply = item.asJsonObject();
      replies.add(
          switch (reply.getString("type")) {
            case "text" -> new Reply.Text(reply.getString("text"));
            case "quick-replies" ->
                new Reply.QuickReplies(
                    reply.getString("text"),
                    reply.getJsonArray("options").getValuesAs(jakarta.json.JsonString::getString));
            case "image" ->
                new Reply.Image(
                    URI.create(reply.getString("url")), reply.getString("caption", null));
            case "link" ->
                new Reply.Link(URI.create(reply.getString("url")), reply.getString("title", null));
            default -> throw new IllegalArgumentException("unknown reply type");
          });
    }
    if (replies.isEmpty()) {
      throw new IllegalArgumentException("no replies");
    }
    return replies;
  }

  private static List<Reply> text(String text) {
    return List.of(new Reply.Text(text));
  }
}
