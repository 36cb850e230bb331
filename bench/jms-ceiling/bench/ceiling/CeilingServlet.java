package bench.ceiling;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling for Parley's pipeline on this server: the same two JMS hops without HTTP, NLU or a
 * store. GET /jms-ceiling/?messages=N&users=U sends N persistent messages grouped by user to
 * bench.ceiling.in (as the webhooks do, non-transacted), FirstHop (MDB, XA, like
 * InboundMessageConsumer) forwards each to bench.ceiling.out through JmsXA, SecondHop (MDB) counts
 * them. Answers with the figures once every message has passed both hops.
 */
@WebServlet("/")
public class CeilingServlet extends HttpServlet {

  static final AtomicLong RECEIVED = new AtomicLong();
  static final AtomicLong LAST_RECEIVED_NANOS = new AtomicLong();

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "java:/jms/queue/bench.ceiling.in")
  Queue in;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int messages = Integer.parseInt(request.getParameter("messages"));
    int users = Integer.parseInt(request.getParameter("users"));
    int senders = 16;
    RECEIVED.set(0);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<?>> sent = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int sender = s;
      sent.add(
          pool.submit(
              () -> {
                try (JMSContext context = connectionFactory.createContext()) {
                  JMSProducer producer =
                      context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                  for (int i = sender; i < messages; i += senders) {
                    TextMessage message =
                        context.createTextMessage("{\"user\":" + (i % users) + ",\"n\":" + i + "}");
                    message.setStringProperty("JMSXGroupID", "g" + (i % users) % 1024);
                    producer.send(in, message);
                  }
                }
                return null;
              }));
    }
    try {
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (Exception e) {
      throw new IOException(e);
    }
    long sentNanos = System.nanoTime() - start;
    pool.shutdown();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (RECEIVED.get() < messages && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long total = LAST_RECEIVED_NANOS.get() - start;
    response.setContentType("application/json");
    response
        .getWriter()
        .printf(
            "{\"messages\":%d,\"received\":%d,\"sendPerSecond\":%.0f,\"endToEndPerSecond\":%.0f}%n",
            messages,
            RECEIVED.get(),
            messages / (sentNanos / 1e9),
            RECEIVED.get() / (total / 1e9));
  }
}
