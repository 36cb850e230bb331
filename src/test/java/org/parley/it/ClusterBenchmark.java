package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * One node against two, on this machine, with the broker's own ceiling measured in the same run:
 * not part of {@code ./mvnw verify} (the name does not end in IT); bench/cluster-benchmark.sh runs
 * it. The same set-up as ClusterIT: two nodes on the cluster configuration, an Artemis
 * primary/backup pair (deploy/artemis), and a mongo-java-server process standing in for MongoDB,
 * which cannot run here. Each leg sends the same Telegram load (users x messages, each user sending
 * as fast as acknowledged) and times it until every message is answered; the legs check order and
 * once too.
 */
class ClusterBenchmark {

  private static final int USERS = Integer.getInteger("bench.users", 50);
  private static final int MESSAGES = Integer.getInteger("bench.messages", 40);

  private long nextUser = 9_500_000_000L + (System.currentTimeMillis() % 1_000_000) * 1_000;

  @Test
  void oneNodeAgainstTwo() throws Exception {
    try (StoreProcess store = StoreProcess.start("bench-cluster");
        ArtemisPair brokers = ArtemisPair.start("bench-cluster")) {
      String[] args = {NodeProcess.FAST_TELEGRAM};
      NodeProcess a =
          NodeProcess.launchInCluster("bench-a", 700, store.uri(), env(brokers, "bench-a"), args);
      NodeProcess b =
          NodeProcess.launchInCluster("bench-b", 800, store.uri(), env(brokers, "bench-b"), args);
      try (a;
          b) {
        a.awaitReady();
        b.awaitReady();
        List<String> figures = new ArrayList<>();
        leg("warm-up, two nodes", store, k -> (k % 2 == 0 ? a : b).http(""), 10);
        figures.add(leg("two nodes", store, k -> (k % 2 == 0 ? a : b).http(""), MESSAGES));
        b.close(); // its consumers leave; the broker hands their groups to node A's
        figures.add(leg("one node", store, k -> a.http(""), MESSAGES));
        figures.add(brokerCeiling(brokers));
        System.out.println("Cluster benchmark, this machine (" + cores() + " cores):");
        figures.forEach(line -> System.out.println("  " + line));
      }
    }
  }

  private String leg(String name, StoreProcess store, IntFunction<String> target, int messages)
      throws Exception {
    long first = nextUser;
    nextUser += USERS;
    try (TelegramLoad load =
        new TelegramLoad(first, USERS, messages, Duration.ofMillis(20), target)) {
      Instant start = Instant.now();
      load.start();
      load.awaitPosted(Duration.ofMinutes(10));
      Await.await(
          "every message answered", Duration.ofMinutes(10), () -> load.answered() == load.total());
      long millis = Duration.between(start, Instant.now()).toMillis();
      assertEquals(List.of(), load.outOfOrderOrMissing(), name + ": each user's answers in order");
      assertEquals(0, load.duplicates(), name + ": answered once");
      assertEquals(List.of(), load.storedWrongly(store.database()), name + ": stored once");
      return String.format(
          "%-18s %d users x %d messages answered end to end in %d ms: %.0f messages/s",
          name, USERS, messages, millis, load.total() * 1000.0 / millis);
    }
  }

  /**
   * The broker pair's own ceiling, by Artemis' perf client on the same machine: persistent 700-byte
   * messages (a queued turn's size), 8 producers and 8 consumers, 20 s after 5 s of warm-up.
   */
  private static String brokerCeiling(ArtemisPair brokers) throws Exception {
    Map<String, String> env = brokers.nodeEnvironment();
    String url = "tcp://127.0.0.1:" + env.get("PARLEY_BROKER_PRIMARY_PORT");
    ProcessBuilder builder =
        new ProcessBuilder(
            "bash",
            Path.of(System.getProperty("parley.it.artemis.home"), "bin/artemis").toString(),
            "perf",
            "client",
            "--url",
            url,
            "--user",
            ArtemisPair.USER,
            "--password",
            ArtemisPair.PASSWORD,
            "--persistent",
            "--message-size",
            "700",
            "--producers",
            "8",
            "--consumers",
            "8",
            "--max-pending",
            "100",
            "--duration",
            "20",
            "--warmup",
            "5",
            "queue://bench.ceiling");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectErrorStream(true);
    Process perf = builder.start();
    long received = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(perf.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.contains("total received:")) {
          received = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    }
    perf.waitFor();
    return String.format(
        "%-18s persistent 700 B messages, 8 producers + 8 consumers: %.0f messages/s",
        "broker ceiling", received / 20.0);
  }

  private static Map<String, String> env(ArtemisPair brokers, String node) {
    Map<String, String> env = new java.util.HashMap<>(brokers.nodeEnvironment());
    env.put("PARLEY_NODE_ID", node);
    return env;
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
