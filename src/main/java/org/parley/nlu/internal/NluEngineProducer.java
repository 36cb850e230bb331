package org.parley.nlu.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.nlu.api.Embedded;
import org.parley.nlu.api.NluContext;
import org.parley.nlu.api.NluEngine;
import org.parley.nlu.api.TrainingSet;
import org.parley.nlu.dialogflow.DialogflowNluEngine;
import org.parley.nlu.rasa.RasaNluEngine;
import org.parley.plugin.internal.PluginRegistry;

/**
 * The NLU engine {@code parley.nlu.engine} names, built once at deployment. The embedded engine is
 * trained here from the enabled plugins' training data (about a second on 2 cores).
 */
@ApplicationScoped
public class NluEngineProducer {

  private static final Logger LOG = Logger.getLogger(NluEngineProducer.class.getName());

  @Inject PluginRegistry plugins;

  @Inject
  @ConfigProperty(name = ConfigKeys.NLU_ENGINE, defaultValue = ConfigKeys.NLU_ENGINE_DEFAULT)
  String engine;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.NLU_MIN_CONFIDENCE,
      defaultValue = ConfigKeys.NLU_MIN_CONFIDENCE_DEFAULT)
  double minConfidence;

  @Inject
  @ConfigProperty(name = ConfigKeys.NLU_LANGUAGES, defaultValue = ConfigKeys.NLU_LANGUAGES_DEFAULT)
  List<String> languages;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.NLU_DEFAULT_LANGUAGE,
      defaultValue = ConfigKeys.NLU_DEFAULT_LANGUAGE_DEFAULT)
  String defaultLanguage;

  /**
   * Builds the engine (and so reads every plugin descriptor) at deployment: a broken descriptor
   * stops the deployment, and the first user does not wait for the training.
   */
  void trainAtDeployment(
      @Observes @Initialized(ApplicationScoped.class) Object event, @Embedded NluEngine nlu) {
    nlu.parse("hello", NluContext.none());
  }

  /** The engine the application uses, as {@code parley.nlu.engine} says. */
  @Produces
  @Default
  @ApplicationScoped
  NluEngine engine(
      @Embedded NluEngine embedded, RasaNluEngine rasa, DialogflowNluEngine dialogflow) {
    return switch (engine) {
      case "embedded" -> embedded;
      case "rasa" -> rasa;
      case "dialogflow" -> dialogflow;
      default ->
          throw new IllegalStateException(
              ConfigKeys.NLU_ENGINE
                  + "="
                  + engine
                  + " is not an NLU engine Parley has (embedded, rasa, dialogflow)");
    };
  }

  @Produces
  @Embedded
  @ApplicationScoped
  NluEngine embeddedEngine() {
    long start = System.nanoTime();
    TrainingSet training = plugins.trainingSet();
    EmbeddedNluEngine embedded =
        new EmbeddedNluEngine(
            training, EmbeddedNluEngine.languageModel(), languages, defaultLanguage, minConfidence);
    LOG.log(
        Level.INFO,
        "Embedded NLU trained on {0} intents in {1} ms",
        new Object[] {training.utterances().size(), (System.nanoTime() - start) / 1_000_000});
    return embedded;
  }
}
