package org.parley.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.parley.application.NodeBroadcast;
import org.parley.application.WebChatReplies;
import org.parley.plugin.internal.PluginChanged;
import org.parley.plugin.internal.PluginChanges;

/**
 * Publishes on {@code parley.broadcast}, which every node's {@link BroadcastConsumer} hears. Sent
 * through the transaction-aware factory, so a push leaves only when the delivery that stored its
 * reply commits. Non-persistent: a broadcast is a hint, and what it announces is in the store.
 */
@ApplicationScoped
public class JmsNodeBroadcast implements NodeBroadcast, PluginChanges {

  /** Which kind of broadcast a message is; its body is the JSON of that kind's record. */
  static final String KIND = "parley_broadcast";

  static final String WEBCHAT_REPLY = "webchat-reply";
  static final String PLUGIN_CHANGED = "plugin-changed";

  private static final Jsonb JSON = JsonbBuilder.create();

  @Resource(lookup = Destinations.POOLED_CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.BROADCAST)
  Topic broadcast;

  @Override
  public void webChatReply(WebChatReplies.Delivered reply) {
    publish(WEBCHAT_REPLY, JSON.toJson(reply));
  }

  @Override
  public void announce(PluginChanged change) {
    publish(PLUGIN_CHANGED, JSON.toJson(change));
  }

  private void publish(String kind, String json) {
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage message = context.createTextMessage(json);
      message.setStringProperty(KIND, kind);
      context
          .createProducer()
          .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
          .send(broadcast, message);
    } catch (JMSException e) {
      throw new JMSRuntimeException("parley.broadcast did not take the " + kind, null, e);
    }
  }

  static WebChatReplies.Delivered webChatReply(String json) {
    return JSON.fromJson(json, WebChatReplies.Delivered.class);
  }

  static PluginChanged pluginChanged(String json) {
    return JSON.fromJson(json, PluginChanged.class);
  }
}
