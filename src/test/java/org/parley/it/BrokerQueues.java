package org.parley.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/** The depth of Parley's queues, read from the broker through WildFly's management API. */
final class BrokerQueues {

  static final List<String> ALL =
      List.of("parley.inbound", "parley.outbound", "parley.inbound.DLQ", "parley.outbound.DLQ");

  private BrokerQueues() {}

  /** Every queue's message count, in {@link #ALL}'s order. */
  static Map<String, Long> depths() {
    Map<String, Long> depths = new LinkedHashMap<>();
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create(
            "127.0.0.1", Integer.parseInt(System.getProperty("parley.it.management-port")))) {
      for (String queue : ALL) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set("read-attribute");
        operation.get("name").set("message-count");
        ModelNode address = operation.get("address");
        address.add("subsystem", "messaging-activemq");
        address.add("server", "default");
        address.add("jms-queue", queue);
        ModelNode result = client.execute(operation);
        if (!"success".equals(result.get("outcome").asString())) {
          throw new IllegalStateException("message-count of " + queue + ": " + result);
        }
        depths.put(queue, result.get("result").asLong());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return depths;
  }
}
