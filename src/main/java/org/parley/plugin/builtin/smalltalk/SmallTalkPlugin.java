package org.parley.plugin.builtin.smalltalk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.Reply;
import org.parley.plugin.builtin.ClasspathPlugin;
import org.parley.plugin.internal.PluginRegistry;

/**
 * Greets, thanks, says goodbye, explains what the bot can do, tells a user who asks for a person
 * that one will answer, and answers what it did not understand.
 */
@ApplicationScoped
public class SmallTalkPlugin extends ClasspathPlugin {

  private static final Map<String, String> GREETINGS =
      Map.of(
          "EN", "Hello! I'm Parley. Ask me what I can do.",
          "DE", "Hallo! Ich bin Parley. Frag mich, was ich kann.",
          "FR", "Bonjour ! Je suis Parley. Demande-moi ce que je sais faire.",
          "ES", "¡Hola! Soy Parley. Pregúntame qué puedo hacer.",
          "IT", "Ciao! Sono Parley. Chiedimi cosa so fare.");
  private static final Map<String, String> THANKS =
      Map.of(
          "EN", "You're welcome!",
          "DE", "Gern geschehen!",
          "FR", "Avec plaisir !",
          "ES", "¡De nada!",
          "IT", "Prego!");
  private static final Map<String, String> GOODBYES =
      Map.of(
          "EN", "Goodbye!",
          "DE", "Tschüss!",
          "FR", "Au revoir !",
          "ES", "¡Adiós!",
          "IT", "Arrivederci!");

  private static final Map<String, String> HANDOFF_NOTICES =
      Map.of(
          "EN", "A person will answer you shortly.",
          "DE", "Gleich antwortet dir ein Mensch.",
          "FR", "Une personne va vous répondre sous peu.",
          "ES", "Una persona te responderá en breve.",
          "IT", "Una persona ti risponderà a breve.");

  @Inject PluginRegistry registry;

  @Inject
  @ConfigProperty(name = ConfigKeys.HANDOFF_NOTICE)
  Optional<String> handoffNotice;

  @Override
  protected String name() {
    return "smalltalk";
  }

  @Override
  protected List<Reply> handle(Action action) {
    String language = action.language() == null ? "EN" : action.language();
    return switch (action.name()) {
      case "greet" ->
          List.of(new Reply.Text(GREETINGS.getOrDefault(language, GREETINGS.get("EN"))));
      case "thanks" -> List.of(new Reply.Text(THANKS.getOrDefault(language, THANKS.get("EN"))));
      case "goodbye" ->
          List.of(new Reply.Text(GOODBYES.getOrDefault(language, GOODBYES.get("EN"))));
      case "help" -> List.of(new Reply.Text(help()));
      // the pipeline puts the conversation in the queue for a person (the handoff intent)
      case "handoff" ->
          List.of(
              new Reply.Text(
                  handoffNotice
                      .filter(text -> !text.isBlank())
                      .orElseGet(
                          () ->
                              HANDOFF_NOTICES.getOrDefault(language, HANDOFF_NOTICES.get("EN")))));
      default ->
          List.of(
              new Reply.QuickReplies(
                  "Sorry, I did not understand that. Here is what I can help with:",
                  List.of("help")));
    };
  }

  /** What the enabled plugins can do, from their descriptors. */
  private String help() {
    List<String> lines = new ArrayList<>();
    lines.add("I can:");
    for (PluginDescriptor plugin : registry.descriptors()) {
      for (PluginDescriptor.Route route : plugin.routes()) {
        if (route.intent() != null
            && route.description() != null
            && !route.action().equals("fallback")) {
          lines.add("- " + route.description() + " (" + plugin.name() + ")");
        }
      }
    }
    return String.join("\n", lines);
  }
}
