package org.parley.application;

/**
 * Each user's place in the pipeline, kept in the store so that every node sees it: the number the
 * next message of the user gets at intake, how far the user's messages have been handled, and how
 * far the user's replies have been delivered. The JMS message groups keep a user's order while the
 * consumer that holds a group lives; these numbers keep it across the moment a consumer dies with a
 * message in hand (see {@code OrderingGuard}).
 *
 * <p>A reply's position is {@link #position(long, int) its turn's number and its index}, so that
 * positions grow in the user's order; 0 means "not sequenced" (a single node, the idle dialog's
 * consent question).
 */
public interface UserSequences {

  /** More replies than this in one turn share the last position (their order is then unguarded). */
  int MAX_REPLIES_PER_TURN = 1023;

  /**
   * The number of the user's next message, 1, 2, ... A platform's redelivery of one of the user's
   * recent messages (the same {@code messageId}) gets the number it got the first time, so that it
   * leaves no gap behind when the broker drops it as a duplicate.
   */
  long issue(String customerId, String messageId);

  /** How far the user's messages have been handled and the user's replies delivered. */
  Progress progress(String customerId);

  /**
   * Message {@code sequence} has been handled (or buried), and {@code lastReply} is the position of
   * the last reply it queued (0 if none: the previous one stays the last).
   */
  void handled(String customerId, long sequence, long lastReply);

  /** The reply at {@code position} has been delivered (or buried). */
  void delivered(String customerId, long position);

  /** Where a user stands: the last message handled, the last reply queued and delivered. */
  record Progress(long handled, long lastReply, long delivered) {
    public static final Progress NONE = new Progress(0, 0, 0);
  }

  /** The position of reply {@code index} (1, 2, ...) of message {@code sequence}. */
  static long position(long sequence, int index) {
    if (sequence <= 0) {
      return 0;
    }
    return (sequence << 10) | Math.min(Math.max(index, 1), MAX_REPLIES_PER_TURN);
  }
}
