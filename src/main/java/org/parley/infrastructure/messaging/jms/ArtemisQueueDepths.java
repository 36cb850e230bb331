package org.parley.infrastructure.messaging.jms;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.parley.application.QueueDepths;

/**
 * Queue depths from the broker's own counters: each Artemis queue's {@code MessageCount} through
 * its management bean (messaging.cli switches the broker's JMX management on). Reading a counter
 * costs the same with ten messages waiting or a million, unlike browsing the queue.
 */
@ApplicationScoped
public class ArtemisQueueDepths implements QueueDepths {

  private static final Logger LOG = Logger.getLogger(ArtemisQueueDepths.class.getName());

  @Override
  public Depths now() {
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
}
