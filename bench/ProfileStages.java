import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU went, by pipeline stage (README.md, "Benchmarks"), JDK only:
 *
 * <pre>java bench/ProfileStages.java server.jfr FROM_EPOCH_MS TO_EPOCH_MS CPU_SECONDS MESSAGES</pre>
 *
 * Reads the recording's execution samples between FROM and TO, puts each in the first stage its
 * stack or thread names (the outermost Parley or library frame that decides), and prints each
 * stage's share of the samples and, with the server process's CPU seconds over the same window
 * (from /proc, measured by the benchmark), the CPU milliseconds per message answered.
 */
public class ProfileStages {

  static final String[] STAGES = {
    "HTTP intake", "broker", "turn: NLU", "turn: plugins", "turn: other", "store: driver",
    "store: server", "delivery", "other Java"
  };

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    Instant from = Instant.ofEpochMilli(Long.parseLong(args[1]));
    Instant to = Instant.ofEpochMilli(Long.parseLong(args[2]));
    double cpuSeconds = Double.parseDouble(args[3]);
    long messages = Long.parseLong(args[4]);

    Map<String, Long> samples = new LinkedHashMap<>();
    for (String stage : STAGES) {
      samples.put(stage, 0L);
    }
    long total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      Instant at = event.getStartTime();
      if (at.isBefore(from) || at.isAfter(to)) {
        continue;
      }
      RecordedThread thread = event.getThread("sampledThread");
      String stage = stage(event.getStackTrace(), thread == null ? "" : thread.getJavaName());
      samples.merge(stage, 1L, Long::sum);
      total++;
    }
    System.out.printf("CPU by stage (%d samples; %.1f s of server CPU for %d messages: %.2f ms each)%n",
        total, cpuSeconds, messages, cpuSeconds * 1000 / messages);
    // the samples are taken per running Java thread at a fixed interval: their shares split the
    // process's CPU (the JIT compiler's and the collector's threads are not sampled, and are
    // spread over the stages in proportion)
    for (Map.Entry<String, Long> entry : samples.entrySet()) {
      double share = total == 0 ? 0 : entry.getValue() / (double) total;
      System.out.printf("  %-15s %5.1f %%  %6.2f ms/message%n", entry.getKey(), share * 100,
          share * cpuSeconds * 1000 / messages);
    }
  }

  static String stage(RecordedStackTrace stack, String threadName) {
    if (stack == null) {
      return "other Java";
    }
    List<RecordedFrame> frames = stack.getFrames(); // innermost first
    boolean turn = false;
    boolean delivery = false;
    boolean http = false;
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.contains("InboundMessageConsumer")) {
        turn = true;
      } else if (type.contains("OutboundReplyConsumer")) {
        delivery = true;
      } else if (type.startsWith("io.undertow") || type.startsWith("org.jboss.resteasy")) {
        http = true;
      }
    }
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("de.bwaldvogel") || type.startsWith("org.h2")) {
        return "store: server";
      }
      if (type.startsWith("com.mongodb") || type.startsWith("org.bson")) {
        return "store: driver";
      }
      if (type.startsWith("org.apache.activemq")) {
        return "broker";
      }
      if (type.startsWith("opennlp") || type.startsWith("org.parley.nlu")) {
        return "turn: NLU";
      }
      if (type.startsWith("org.parley.plugin")) {
        return "turn: plugins";
      }
    }
    if (turn) {
      return "turn: other";
    }
    if (delivery) {
      return "delivery";
    }
    if (http) {
      return "HTTP intake";
    }
    if (threadName.contains("mongo") || threadName.contains("nioEventLoop")) {
      return "store: server";
    }
    if (threadName.contains("ActiveMQ") || threadName.contains("Thread-") && threadName.contains("activemq")) {
      return "broker";
    }
    if (threadName.startsWith("default I/O") || threadName.startsWith("XNIO")) {
      return "HTTP intake";
    }
    return "other Java";
  }
}
