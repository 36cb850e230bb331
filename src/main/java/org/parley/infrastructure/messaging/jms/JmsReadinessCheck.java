package org.parley.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker accepts a connection and both work queues can be opened: webhooks
 * must not acknowledge what they cannot queue.
 */
@Readiness
@ApplicationScoped
public class JmsReadinessCheck implements HealthCheck {

  static final String NAME = "messaging";

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.INBOUND)
  Queue inbound;

  @Resource(lookup = Destinations.OUTBOUND)
  Queue outbound;

  @Override
  public HealthCheckResponse call() {
    try (JMSContext context = connectionFactory.createContext()) {
      open(context, inbound);
      open(context, outbound);
      return HealthCheckResponse.named(NAME).up().build();
    } catch (JMSRuntimeException | JMSException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }

  private static void open(JMSContext context, Queue queue) throws JMSException {
    try (QueueBrowser browser = context.createBrowser(queue)) {
      browser.getEnumeration();
    }
  }
}
