package org.parley.nlu.api;

/**
 * Understands one message: its language, what the user wants (intent) and the things named in it.
 */
public interface NluEngine {

  NluResult parse(String text, NluContext context);
}
