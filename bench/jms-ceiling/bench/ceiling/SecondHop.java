package bench.ceiling;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Like OutboundReplyConsumer, minus the platform call: counts what arrived. */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/bench.ceiling.out"),
      @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class SecondHop implements MessageListener {

  @Override
  public void onMessage(Message message) {
    CeilingServlet.RECEIVED.incrementAndGet();
    CeilingServlet.LAST_RECEIVED_NANOS.set(System.nanoTime());
  }
}
