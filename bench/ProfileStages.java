import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
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
 * stage's share of the server process's CPU seconds over the same window (from /proc, measured by
 * the benchmark) and the CPU milliseconds per message answered. The JIT compiler's threads run no
 * Java code and are never sampled: their CPU comes from the recording's per-thread CPU load and is
 * a stage of its own; the sampled stages share the rest. The collector's threads are neither
 * sampled nor in that load (they are not Java threads): their CPU stays spread over the stages in
 * proportion, and the collector's pauses in the window are printed beside.
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
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    int cpus = events.stream().filter(e -> e.getEventType().getName().equals("jdk.CPUInformation"))
        .mapToInt(e -> e.getInt("hwThreads")).findFirst().orElse(Runtime.getRuntime().availableProcessors());
    double jitSeconds = jitCpuSeconds(events, from, to, cpus);
    for (RecordedEvent event : events) {
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
    // the CPU that is not the compiler's
    double javaSeconds = Math.max(0, cpuSeconds - jitSeconds);
    for (Map.Entry<String, Long> entry : samples.entrySet()) {
      double share = total == 0 ? 0 : entry.getValue() / (double) total;
      print(entry.getKey(), share * javaSeconds, cpuSeconds, messages);
    }
    print("JIT compiler", jitSeconds, cpuSeconds, messages);
    double paused = events.stream().filter(e -> e.getEventType().getName().equals("jdk.GarbageCollection"))
        .filter(e -> !e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(to))
        .mapToDouble(e -> e.getDuration("sumOfPauses").toNanos() / 1e9).sum();
    System.out.printf("  (the collector paused the server for %.1f s of the window's %.1f s)%n", paused,
        Duration.between(from, to).toMillis() / 1000.0);
  }

  static void print(String stage, double seconds, double cpuSeconds, long messages) {
    System.out.printf("  %-15s %5.1f %%  %6.2f ms/message%n", stage, 100 * seconds / cpuSeconds,
        seconds * 1000 / messages);
  }

  /**
   * The CPU seconds the JIT compiler's threads used between FROM and TO: each jdk.ThreadCPULoad
   * event gives a thread's load, as a share of all the machine's CPUs, since that thread's previous
   * event (every 10 s), counted for the part inside the window.
   */
  static double jitCpuSeconds(List<RecordedEvent> events, Instant from, Instant to, int cpus) {
    Map<Long, Instant> previous = new HashMap<>();
    double seconds = 0;
    for (RecordedEvent event : events.stream().filter(e -> e.getEventType().getName().equals("jdk.ThreadCPULoad"))
        .sorted(Comparator.comparing(RecordedEvent::getStartTime)).toList()) {
      RecordedThread thread = event.getThread();
      if (thread == null) {
        continue;
      }
      Instant end = event.getStartTime();
      Instant start = previous.put(thread.getId(), end);
      String name = thread.getOSName() == null ? "" : thread.getOSName();
      if (start == null || !name.contains("CompilerThread")) {
        continue;
      }
      Instant a = start.isBefore(from) ? from : start;
      Instant b = end.isAfter(to) ? to : end;
      if (!b.isAfter(a)) {
        continue;
      }
      double load = event.getFloat("user") + event.getFloat("system");
      seconds += load * cpus * Duration.between(a, b).toNanos() / 1e9;
    }
    return seconds;
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
