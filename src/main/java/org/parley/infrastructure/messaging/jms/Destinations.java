package org.parley.infrastructure.messaging.jms;

/**
 * The one place that names Parley's JMS destinations. wildfly/messaging.cli creates them (with the
 * same names) together with their dead-letter queues and address settings.
 */
public final class Destinations {

  /** Messages the webhooks accepted, grouped per user; consumed by the inbound MDB. */
  public static final String INBOUND = "java:/jms/queue/parley.inbound";

  /** Inbound messages that failed every delivery attempt. */
  public static final String INBOUND_DLQ = "java:/jms/queue/parley.inbound.DLQ";

  /** Replies on their way to the platforms, grouped per user like the messages they answer. */
  public static final String OUTBOUND = "java:/jms/queue/parley.outbound";

  /** Replies that failed every delivery attempt. */
  public static final String OUTBOUND_DLQ = "java:/jms/queue/parley.outbound.DLQ";

  /**
   * What every node hears (a topic: each node subscribes on its own, non-durably): web chat pushes
   * and plugin changes.
   */
  public static final String BROADCAST = "java:/jms/topic/parley.broadcast";

  /** The pooled, transaction-aware connection factory, for sending from application code. */
  public static final String POOLED_CONNECTION_FACTORY = "java:/JmsXA";

  /** The broker's in-VM connection factory (no XA, for work outside a JMS transaction). */
  public static final String CONNECTION_FACTORY = "java:/ConnectionFactory";

  private Destinations() {}
}
