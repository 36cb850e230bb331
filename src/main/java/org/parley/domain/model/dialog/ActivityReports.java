package org.parley.domain.model.dialog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Figures about the conversations for the console's dashboard, computed from what the pipeline
 * stores (so they agree with the transcripts and survive restarts). Implemented by the persistence
 * adapter; read-only.
 */
public interface ActivityReports {

  /**
   * The users' messages received in each whole minute of {@code [since, until)}, by channel; index
   * 0 is the minute starting at {@code since}.
   */
  Map<String, long[]> messagesPerMinute(Instant since, Instant until);

  /**
   * Response times (the user's message received → the first reply delivered) of the turns whose
   * first reply was delivered within {@code [since, until)}, by channel and language.
   */
  List<ResponseTimes> responseTimes(Instant since, Instant until);

  /** How many dialogs are in each consent state. */
  Map<ConversationQueries.ConsentState, Long> dialogsByConsent();

  /** The response times of one channel and language. */
  record ResponseTimes(
      String channel, String language, long turns, Duration average, Duration p95) {}
}
