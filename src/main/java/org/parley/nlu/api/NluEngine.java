package org.parley.nlu.api;

/**
 * Understands one message: its language, what the user wants (intent) and the things named in it.
 */
public interface NluEngine {

  NluResult parse(String text, NluContext context);

  /** Only the language of the message (engines that can tell it alone override this). */
  default String language(String text, NluContext context) {
    return parse(text, context).language();
  }
}
