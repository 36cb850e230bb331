package org.parley.infrastructure.messaging.jms;

/**
 * The consumers' work (turns and deliveries) runs at the lowest thread priority, so that on a busy
 * node the webhook threads, which only verify, parse and enqueue, get the CPU first and an
 * acknowledgement does not wait behind turn work (ARCHITECTURE.md, "Acknowledgements first"). The
 * consumers run on the resource adapter's pooled threads, so the thread's own priority is put back
 * afterwards.
 *
 * <p>The JVM maps Java priorities to the operating system's only with {@code
 * -XX:ThreadPriorityPolicy=1} (wildfly/jvm.conf); without it this changes nothing.
 */
final class TurnPriority {

  private TurnPriority() {}

  /** Lowers the current thread's priority; returns the priority to put back. */
  static int lower() {
    Thread thread = Thread.currentThread();
    int was = thread.getPriority();
    if (was != Thread.MIN_PRIORITY) {
      thread.setPriority(Thread.MIN_PRIORITY);
    }
    return was;
  }

  /** Puts back what {@link #lower()} returned. */
  static void restore(int priority) {
    Thread thread = Thread.currentThread();
    if (thread.getPriority() != priority) {
      thread.setPriority(priority);
    }
  }
}
