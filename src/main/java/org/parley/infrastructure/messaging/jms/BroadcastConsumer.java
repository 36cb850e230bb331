package org.parley.infrastructure.messaging.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.JsonbException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.application.WebChatReplies;
import org.parley.plugin.internal.PluginChanged;

/**
 * This node's subscription to {@code parley.broadcast}: turns each broadcast back into the CDI
 * event the node's own observers wait for ({@code ChatStreams} pushes a web chat reply to its
 * user's streams here, {@code PluginRegistry} applies a plugin's change). Non-durable, so a node
 * hears what is published while it is up; one session, so pushes keep the order they were sent in.
 * Outside a transaction: a lost hint costs a browser a catch-up read, never a message.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.BROADCAST),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(
          propertyName = "subscriptionDurability",
          propertyValue = "NonDurable"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BroadcastConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(BroadcastConsumer.class.getName());

  @Inject Event<WebChatReplies.Delivered> webChatReplies;
  @Inject Event<PluginChanged> pluginChanges;

  @Override
  public void onMessage(Message message) {
    try {
      String kind = message.getStringProperty(JmsNodeBroadcast.KIND);
      String json = ((TextMessage) message).getText();
      if (JmsNodeBroadcast.WEBCHAT_REPLY.equals(kind)) {
        webChatReplies.fire(JmsNodeBroadcast.webChatReply(json));
      } else if (JmsNodeBroadcast.PLUGIN_CHANGED.equals(kind)) {
        pluginChanges.fire(JmsNodeBroadcast.pluginChanged(json));
      } else {
        LOG.warning(() -> "Ignored a broadcast of unknown kind " + kind);
      }
    } catch (JMSException | JsonbException | ClassCastException e) {
      LOG.warning(() -> "Ignored an unreadable broadcast: " + Deliveries.kinds(e));
      LOG.log(Level.FINE, "The unreadable broadcast", e);
    }
  }
}
