package org.parley.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.Config;
import org.parley.application.QueueDepths;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Queue depths from the broker's own counters, each queue's {@code MessageCount}. On one node the
 * broker is in the JVM, and its management beans answer (messaging.cli switches its JMX management
 * on). On a node of several the broker is the remote pair's live one, asked through its management
 * address over JMS (a request with the queue and the attribute, answered on a temporary queue).
 * Reading a counter costs the same with ten messages waiting or a million, unlike browsing the
 * queue. -1 when the broker does not answer.
 */
@ApplicationScoped
public class ArtemisQueueDepths implements QueueDepths {

  private static final Logger LOG = Logger.getLogger(ArtemisQueueDepths.class.getName());

  /** The broker's management address (Artemis' default), and how long an answer may take. */
  private static final String MANAGEMENT_ADDRESS = "activemq.management";

  private static final long ANSWER_WAIT_MS = 2_000;

  @Inject Config config;

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Override
  public Depths now() {
    if (config.getOptionalValue(ConfigKeys.CLUSTER, Boolean.class).orElse(false)) {
      return remote();
    }
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    return new Depths(
        count(server, "parley.inbound"),
        count(server, "parley.outbound"),
        count(server, "parley.inbound.DLQ"),
        count(server, "parley.outbound.DLQ"));
  }

  private static long count(MBeanServer server, String jmsQueue) {
    String queue = ObjectName.quote("jms.queue." + jmsQueue);
    try {
      ObjectName name =
          new ObjectName(
              "org.apache.activemq.artemis:broker=\"default\",component=addresses,address="
                  + queue
                  + ",subcomponent=queues,routing-type=\"anycast\",queue="
                  + queue);
      return ((Number) server.getAttribute(name, "MessageCount")).longValue();
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.FINE, "No message count for {0}: {1}", new Object[] {jmsQueue, e.toString()});
      return -1;
    }
  }

  private Depths remote() {
    try (JMSContext context = connectionFactory.createContext()) {
      TemporaryQueue answers = context.createTemporaryQueue();
      try (JMSConsumer consumer = context.createConsumer(answers)) {
        return new Depths(
            ask(context, consumer, answers, "parley.inbound"),
            ask(context, consumer, answers, "parley.outbound"),
            ask(context, consumer, answers, "parley.inbound.DLQ"),
            ask(context, consumer, answers, "parley.outbound.DLQ"));
      }
    } catch (JMSRuntimeException e) {
      LOG.log(Level.FINE, "The broker gave no message counts: {0}", e.toString());
      return new Depths(-1, -1, -1, -1);
    }
  }

  private static long ask(
      JMSContext context, JMSConsumer consumer, TemporaryQueue answers, String queue) {
    try {
      Message request = context.createMessage();
      request.setStringProperty("_AMQ_ResourceName", "queue." + queue);
      request.setStringProperty("_AMQ_Attribute", "messageCount");
      request.setJMSReplyTo(answers);
      context.createProducer().send(context.createQueue(MANAGEMENT_ADDRESS), request);
      Message answer = consumer.receive(ANSWER_WAIT_MS);
      if (answer instanceof TextMessage text
          && Boolean.TRUE.equals(answer.getObjectProperty("_AMQ_OperationSucceeded"))) {
        // the answer is a JSON array holding the attribute's value: [12]
        return Long.parseLong(text.getText().replaceAll("[\\[\\]\\s]", ""));
      }
    } catch (JMSException | RuntimeException e) {
      LOG.log(Level.FINE, "No message count for {0}: {1}", new Object[] {queue, e.toString()});
    }
    return -1;
  }
}
