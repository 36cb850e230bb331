import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline benchmark (README.md, "Benchmarks"), JDK only. Against a running Parley whose
 * Telegram channel points at this program's stand-in Bot API:
 *
 * <ol>
 *   <li>throughput: posts signed Telegram updates for --users users x --messages messages each
 *       (each user's in order, users in parallel, as fast as Parley acknowledges), and waits until
 *       every reply reached the stand-in. Reports acknowledgement latency, messages answered end to
 *       end per second, reply latency (post sent -> reply received), and ordering violations
 *       (replies per user not exactly 1..n in order: missing, doubled or out of order).
 *   <li>acknowledgement at a fixed rate (--ack-rate, default half the measured throughput): the
 *       latency of the webhook's answer when Parley is not saturated, and the replies' latency.
 *   <li>the cold phase: the first --cold messages after the server started (the warm-up's), answered
 *       per second, beside the throughput run's steady rate.
 *   <li>the ceiling: GET --ceiling-url (a bare JMS send/receive loop through two grouped queues and
 *       two MDBs on the same server; bench/jms-ceiling).
 * </ol>
 */
public class PipelineBenchmark {

  static final Pattern CHAT = Pattern.compile("\"chat_id\"\\s*:\\s*(\\d+)");
  static final Pattern REPLY_TO = Pattern.compile("\"message_id\"\\s*:\\s*(\\d+)");
  static final String[] TEXTS = {"hello", "tell me a quote", "thanks a lot", "what can you do", "hi"};

  // per chat: the message ids the replies named, in arrival order, and their arrival times
  static final Map<Long, List<long[]>> REPLIES = new ConcurrentHashMap<>();
  static final AtomicLong REPLY_COUNT = new AtomicLong();
  static final Map<Long, long[]> SENT_AT = new ConcurrentHashMap<>();
  static final Map<Long, Long> PACED_SENT_AT = new ConcurrentHashMap<>();
  static final AtomicLong COLD_MARK = new AtomicLong(-1);
  static final AtomicLong COLD_REACHED = new AtomicLong();

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://127.0.0.1:8280");
    int users = Integer.parseInt(arg(args, "--users", "1000"));
    int messages = Integer.parseInt(arg(args, "--messages", "20"));
    int concurrency = Integer.parseInt(arg(args, "--concurrency", "64"));
    int standInPort = Integer.parseInt(arg(args, "--stand-in-port", "28443"));
    String secret = arg(args, "--secret", "bench-telegram-secret");
    String ceilingUrl = arg(args, "--ceiling-url", "");
    String ackRateArg = arg(args, "--ack-rate", "");
    int ackMessages = Integer.parseInt(arg(args, "--ack-messages", "10000"));
    long serverPid = Long.parseLong(arg(args, "--server-pid", "0"));
    long clkTck = Long.parseLong(arg(args, "--clk-tck", "100"));
    int cold = Integer.parseInt(arg(args, "--cold", "2000"));

    HttpServer standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", standInPort), 512);
    standIn.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      long now = System.nanoTime();
      Matcher chat = CHAT.matcher(body);
      Matcher replyTo = REPLY_TO.matcher(body);
      if (chat.find() && replyTo.find()) {
        long chatId = Long.parseLong(chat.group(1));
        REPLIES.computeIfAbsent(chatId, c -> java.util.Collections.synchronizedList(new ArrayList<>()))
            .add(new long[] {Long.parseLong(replyTo.group(1)), now});
        if (REPLY_COUNT.incrementAndGet() == COLD_MARK.get()) {
          COLD_REACHED.set(now);
        }
      }
      byte[] answer = ("{\"ok\":true,\"result\":{\"message_id\":" + now % 1_000_000_000 + "}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    standIn.setExecutor(Executors.newFixedThreadPool(32));
    standIn.start();

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(concurrency)).build();
    long base = (System.currentTimeMillis() / 1000) * 10_000L; // chat ids unique per run
    int warmup = Integer.parseInt(arg(args, "--warmup", "3000"));
    long coldStart = System.nanoTime();
    if (warmup > 0) {
      COLD_MARK.set(Math.min(cold, warmup));
      // the server was just started: let the JIT compile the hot paths before measuring
      System.out.printf("Warming up with %d messages (not measured)...%n", warmup);
      long warmBase = base + 5_000_000L;
      ExecutorService warmers = Executors.newFixedThreadPool(concurrency);
      int warmUsers = Math.max(1, warmup / 10);
      CountDownLatch warm = new CountDownLatch(warmUsers);
      for (int u = 0; u < warmUsers; u++) {
        long chat = warmBase + u;
        warmers.submit(() -> {
          try {
            for (int m = 1; m <= 10; m++) {
              post(client, url, secret, chat, m);
            }
          } catch (Exception e) {
            // counted by nothing: a warm-up
          } finally {
            warm.countDown();
          }
        });
      }
      warm.await();
      long warmEnd = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (REPLY_COUNT.get() < (long) warmUsers * 10 && System.nanoTime() < warmEnd) {
        Thread.sleep(100);
      }
      warmers.shutdown();
      COLD_MARK.set(-1);
      if (!ceilingUrl.isEmpty()) {
        client.send(HttpRequest.newBuilder(URI.create(ceilingUrl + "?messages=" + warmup + "&users=" + users))
            .timeout(Duration.ofMinutes(6)).build(), HttpResponse.BodyHandlers.ofString());
      }
      REPLIES.clear();
      REPLY_COUNT.set(0);
    }
    System.out.printf("Pipeline benchmark: %d users x %d messages through Telegram, %d concurrent posters%n",
        users, messages, concurrency);

    // 1. throughput
    long[] cpuBefore = cpuTicks(serverPid);
    long windowStart = System.currentTimeMillis();
    long[] ack = new long[users * messages];
    AtomicInteger ackIndex = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService posters = Executors.newFixedThreadPool(concurrency);
    CountDownLatch done = new CountDownLatch(users);
    long start = System.nanoTime();
    for (int u = 0; u < users; u++) {
      long chat = base + u;
      SENT_AT.put(chat, new long[messages + 1]);
      posters.submit(() -> {
        try {
          for (int m = 1; m <= messages; m++) {
            long sent = System.nanoTime();
            SENT_AT.get(chat)[m] = sent;
            int status = post(client, url, secret, chat, m);
            ack[ackIndex.getAndIncrement()] = System.nanoTime() - sent;
            if (status != 200) {
              failures.incrementAndGet();
            }
          }
        } catch (Exception e) {
          failures.incrementAndGet();
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    long postedNanos = System.nanoTime() - start;
    long expected = (long) users * messages;
    long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (REPLY_COUNT.get() < expected && System.nanoTime() < waitUntil) {
      Thread.sleep(50);
    }
    long lastReply = REPLIES.values().stream().flatMap(List::stream).mapToLong(r -> r[1]).max().orElse(start);
    double seconds = (lastReply - start) / 1e9;
    long[] cpuAfter = cpuTicks(serverPid);
    long windowEnd = System.currentTimeMillis();

    long violations = 0;
    List<Long> replyLatency = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      long chat = base + u;
      List<long[]> got = REPLIES.getOrDefault(chat, List.of());
      boolean inOrder = got.size() == messages;
      for (int i = 0; i < got.size(); i++) {
        long id = got.get(i)[0];
        if (id != i + 1) {
          inOrder = false;
        }
        if (id >= 1 && id <= messages) {
          replyLatency.add(got.get(i)[1] - SENT_AT.get(chat)[(int) id]);
        }
      }
      if (!inOrder) {
        violations++;
      }
    }
    System.out.println();
    System.out.println("Throughput run");
    System.out.printf("  posted            %d messages in %.1f s (%.0f acknowledged/s), %d refused or failed%n",
        expected, postedNanos / 1e9, expected / (postedNanos / 1e9), failures.get());
    System.out.printf("  acknowledgement   p50 %s  p99 %s  max %s%n",
        ms(percentile(ack, 50)), ms(percentile(ack, 99)), ms(percentile(ack, 100)));
    System.out.printf("  answered          %d of %d replies, last after %.1f s: %.0f messages answered/s end to end%n",
        REPLY_COUNT.get(), expected, seconds, REPLY_COUNT.get() / seconds);
    long[] latencies = replyLatency.stream().mapToLong(Long::longValue).toArray();
    System.out.printf("  reply latency     p50 %s  p99 %s  max %s  (post sent -> reply at the platform)%n",
        ms(percentile(latencies, 50)), ms(percentile(latencies, 99)), ms(percentile(latencies, 100)));
    System.out.printf("  ordering          %d of %d users with a reply missing, doubled or out of order%n",
        violations, users);
    double throughput = REPLY_COUNT.get() / seconds;
    if (COLD_REACHED.get() > 0) {
      double coldRate = Math.min(cold, warmup) / ((COLD_REACHED.get() - coldStart) / 1e9);
      System.out.printf("  cold phase        the first %d messages after boot: %.0f messages answered/s, %.0f %% of"
          + " this steady rate%n", Math.min(cold, warmup), coldRate, 100 * coldRate / throughput);
    }
    if (serverPid > 0 && cpuBefore.length == 2 && cpuAfter.length == 2) {
      double cpuSeconds = ((cpuAfter[0] + cpuAfter[1]) - (cpuBefore[0] + cpuBefore[1])) / (double) clkTck;
      System.out.printf("  server CPU        %.1f s over the run: %.2f ms per message answered (%.0f %% of 2 cores)%n",
          cpuSeconds, cpuSeconds * 1000 / REPLY_COUNT.get(),
          100 * cpuSeconds / ((windowEnd - windowStart) / 1000.0) / Runtime.getRuntime().availableProcessors());
      System.out.printf("  profile window    %d %d %.2f %d%n", windowStart, windowEnd, cpuSeconds, REPLY_COUNT.get());
    }

    // 2. acknowledgement at a fixed rate
    double rate = ackRateArg.isEmpty() ? Math.max(50, throughput / 2) : Double.parseDouble(ackRateArg);
    long[] paced = new long[ackMessages];
    long interval = (long) (1e9 / rate);
    long ackBase = base + users + 1000;
    CountDownLatch pacedDone = new CountDownLatch(ackMessages);
    java.util.concurrent.ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
    long pacedStart = System.nanoTime();
    for (int i = 0; i < ackMessages; i++) {
      int n = i;
      long due = pacedStart + n * interval;
      long chat = ackBase + (n % users);
      int message = n / users + 1;
      timer.schedule(() -> posters.submit(() -> {
        long sent = System.nanoTime();
        PACED_SENT_AT.put(chat * 1000 + message, sent);
        try {
          post(client, url, secret, chat, message);
        } catch (Exception e) {
          failures.incrementAndGet();
        }
        paced[n] = System.nanoTime() - sent;
        pacedDone.countDown();
      }), Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    pacedDone.await();
    double pacedSeconds = (System.nanoTime() - pacedStart) / 1e9;
    System.out.println();
    System.out.printf("Acknowledgement at %.0f messages/s (%d messages over %.1f s)%n", rate, ackMessages, pacedSeconds);
    System.out.printf("  acknowledgement   p50 %s  p99 %s  max %s%n",
        ms(percentile(paced, 50)), ms(percentile(paced, 99)), ms(percentile(paced, 100)));
    long pacedExpected = expected + ackMessages;
    waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (REPLY_COUNT.get() < pacedExpected && System.nanoTime() < waitUntil) {
      Thread.sleep(50);
    }
    timer.shutdown();
    posters.shutdown();
    List<Long> pacedReplies = new ArrayList<>();
    for (Map.Entry<Long, List<long[]>> chat : REPLIES.entrySet()) {
      if (chat.getKey() < ackBase) {
        continue;
      }
      synchronized (chat.getValue()) {
        for (long[] reply : chat.getValue()) {
          Long sent = PACED_SENT_AT.get(chat.getKey() * 1000 + reply[0]);
          if (sent != null) {
            pacedReplies.add(reply[1] - sent);
          }
        }
      }
    }
    long[] pacedLatency = pacedReplies.stream().mapToLong(Long::longValue).toArray();
    System.out.printf("  reply latency     p50 %s  p99 %s  max %s  (%d of %d replies)%n",
        ms(percentile(pacedLatency, 50)), ms(percentile(pacedLatency, 99)), ms(percentile(pacedLatency, 100)),
        pacedLatency.length, ackMessages);

    // 3. the ceiling
    if (!ceilingUrl.isEmpty()) {
      long ceilingMessages = Long.parseLong(arg(args, "--ceiling-messages", Long.toString(expected)));
      HttpResponse<String> ceiling = client.send(
          HttpRequest.newBuilder(URI.create(ceilingUrl + "?messages=" + ceilingMessages + "&users=" + users))
              .timeout(Duration.ofMinutes(6)).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.println();
      System.out.println("Ceiling: bare JMS, same two grouped queues and MDB hops, no HTTP/NLU/store");
      System.out.println("  " + ceiling.body().strip());
    }
    standIn.stop(0);
    System.exit(0);
  }

  static int post(HttpClient client, String url, String secret, long chat, int message) throws Exception {
    String text = TEXTS[message % TEXTS.length];
    String body = "{\"update_id\":" + (chat * 100 + message) + ",\"message\":{\"message_id\":" + message
        + ",\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Bench\",\"language_code\":\"en\"},"
        + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"date\":" + (System.currentTimeMillis() / 1000)
        + ",\"text\":\"" + text + "\"}}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/webhooks/telegram"))
        .header("Content-Type", "application/json")
        .header("X-Telegram-Bot-Api-Secret-Token", secret)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** utime and stime of the process, in clock ticks (/proc/PID/stat); empty if unreadable. */
  static long[] cpuTicks(long pid) {
    if (pid <= 0) {
      return new long[0];
    }
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }

  static long percentile(long[] values, double p) {
    long[] sorted = Arrays.stream(values).filter(v -> v > 0).sorted().toArray();
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
