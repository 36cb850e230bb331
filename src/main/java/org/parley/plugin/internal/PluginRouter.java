package org.parley.plugin.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.nlu.api.NluResult;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.Plugin;
import org.parley.plugin.api.PluginDescriptor.Attribute;
import org.parley.plugin.api.PluginDescriptor.Route;
import org.parley.plugin.api.Reply;

/**
 * Turns an understood message into a plugin action: the intent picks the route, the entities fill
 * its attributes. When a required attribute is missing the plugin's prompt asks for it, and the
 * user's next message in the dialog fills it in (unless that message clearly asks for something
 * else).
 */
@ApplicationScoped
public class PluginRouter {

  /** Above this, a message that also fits another route is a change of topic, not an answer. */
  static final double NEW_TOPIC_CONFIDENCE = 0.6;

  /** The answer while an admin has closed the plugin that would answer. */
  static final String CLOSED = "Sorry, I cannot do that right now. Please try again later.";

  @Inject PluginRegistry registry;
  @Inject PendingActionStore pending;

  /** Which plugin and action answered, and its replies ({@code plugin} null when none could). */
  public record Answer(String plugin, String action, List<Reply> replies) {}

  public List<Reply> answer(String customerId, String dialogId, String text, NluResult nlu) {
    return route(customerId, dialogId, text, nlu, true).replies();
  }

  /**
   * Routes the message; {@code pendingPossible}: a plugin may wait for an answer in this dialog
   * (when the caller knows it does not, the pending action is neither looked up nor cleared).
   */
  public Answer route(
      String customerId, String dialogId, String text, NluResult nlu, boolean pendingPossible) {
    Optional<PendingAction> waiting = pendingPossible ? pending.find(dialogId) : Optional.empty();
    if (waiting.isPresent() && !isNewTopic(waiting.get(), nlu)) {
      return continuePending(customerId, dialogId, waiting.get(), text, nlu);
    }
    boolean held = waiting.isPresent();
    Optional<PluginRegistry.Routed> routed =
        registry.routeFor(nlu.intent()).or(() -> registry.routeFor(NluResult.FALLBACK));
    if (routed.isEmpty()) {
      clearIf(held, dialogId);
      return new Answer(null, null, List.of(new Reply.Text("Sorry, I cannot help with that.")));
    }
    Route route = routed.get().route();
    Map<String, String> attributes = new HashMap<>();
    for (Attribute attribute : route.attributes()) {
      entity(nlu, attribute.entity()).ifPresent(value -> attributes.put(attribute.name(), value));
    }
    return complete(
        customerId, dialogId, routed.get().plugin(), route, attributes, nlu.language(), held);
  }

  private void clearIf(boolean held, String dialogId) {
    if (held) {
      pending.clear(dialogId);
    }
  }

  private Answer continuePending(
      String customerId, String dialogId, PendingAction waiting, String text, NluResult nlu) {
    Optional<Plugin> plugin = registry.plugin(waiting.plugin());
    Optional<Route> route = plugin.flatMap(p -> p.descriptor().route(waiting.action()));
    if (route.isEmpty()) { // the plugin went away meanwhile
      pending.clear(dialogId);
      return route(customerId, dialogId, text, nlu, false);
    }
    Attribute awaited =
        route.get().attributes().stream()
            .filter(a -> a.name().equals(waiting.awaiting()))
            .findFirst()
            .orElseThrow();
    Map<String, String> attributes = new HashMap<>(waiting.attributes());
    attributes.put(awaited.name(), entity(nlu, awaited.entity()).orElse(text.strip()));
    return complete(
        customerId, dialogId, plugin.get(), route.get(), attributes, nlu.language(), true);
  }

  private Answer complete(
      String customerId,
      String dialogId,
      Plugin plugin,
      Route route,
      Map<String, String> attributes,
      String language,
      boolean held) {
    String name = plugin.descriptor().name();
    if (!registry.connected(name)) {
      clearIf(held, dialogId);
      return new Answer(name, route.action(), List.of(new Reply.Text(CLOSED)));
    }
    for (Attribute attribute : route.attributes()) {
      if (attribute.required() && !attributes.containsKey(attribute.name())) {
        pending.save(
            dialogId,
            customerId,
            new PendingAction(name, route.action(), attributes, attribute.name()));
        return new Answer(name, route.action(), List.of(new Reply.Text(attribute.prompt())));
      }
    }
    clearIf(held, dialogId);
    return new Answer(
        name, route.action(), plugin.trigger(new Action(route.action(), attributes, language)));
  }

  /** A confident intent of another route means the user moved on. */
  private boolean isNewTopic(PendingAction waiting, NluResult nlu) {
    if (nlu.isFallback() || nlu.confidence() < NEW_TOPIC_CONFIDENCE) {
      return false;
    }
    return registry
        .routeFor(nlu.intent())
        .map(
            r ->
                !(r.plugin().descriptor().name().equals(waiting.plugin())
                    && r.route().action().equals(waiting.action())))
        .orElse(false);
  }

  private static Optional<String> entity(NluResult nlu, String type) {
    return nlu.entities().stream()
        .filter(entity -> entity.type().equals(type))
        .map(NluResult.Entity::value)
        .findFirst();
  }
}
