package org.parley.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Reads the dead-letter queues through WildFly's management API (local authentication, as the ITs'
 * server runs on this machine).
 */
final class DeadLetters {

  private DeadLetters() {}

  /** The messages on {@code parley.inbound.DLQ}: their headers and properties as JSON. */
  static List<String> inbound() {
    return bodies("parley.inbound.DLQ");
  }

  static List<String> bodies(String queue) {
    ModelNode operation = new ModelNode();
    operation.get("operation").set("list-messages");
    ModelNode address = operation.get("address");
    address.add("subsystem", "messaging-activemq");
    address.add("server", "default");
    address.add("jms-queue", queue);
    try (ModelControllerClient client =
        ModelControllerClient.Factory.create(
            "127.0.0.1", Integer.parseInt(System.getProperty("parley.it.management-port")))) {
      ModelNode result = client.execute(operation);
      if (!"success".equals(result.get("outcome").asString())) {
        throw new IllegalStateException("list-messages failed: " + result);
      }
      List<String> bodies = new ArrayList<>();
      for (ModelNode message : result.get("result").asList()) {
        bodies.add(message.toJSONString(true));
      }
      return bodies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
