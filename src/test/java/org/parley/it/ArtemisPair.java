package org.parley.it;

import jakarta.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An ActiveMQ Artemis primary/backup pair as two processes of the real broker: the distribution the
 * build unpacked from Maven Central, each instance made by {@code deploy/artemis/create-broker.sh}
 * (the same script operators run), sharing one journal under {@code target/cluster/<name>}. The
 * backup holds no messages of its own: it waits on the journal's lock and takes over when the
 * primary dies.
 */
final class ArtemisPair implements AutoCloseable {

  /** The development credentials the test brokers are made with (never used outside tests). */
  static final String USER = "parley-it";

  static final String PASSWORD = "it-broker-password";

  private final Path base;
  private final int primaryPort;
  private final int backupPort;
  private Process primary;
  private Process backup;

  private ArtemisPair(Path base, int primaryPort, int backupPort) {
    this.base = base;
    this.primaryPort = primaryPort;
    this.backupPort = backupPort;
  }

  /** Makes both instances afresh, starts the primary, then the backup, and waits for both. */
  static ArtemisPair start(String name) {
    Path base = Path.of("target", "cluster", name).toAbsolutePath();
    ArtemisPair pair = new ArtemisPair(base, StoreProcess.freePort(), StoreProcess.freePort());
    pair.create();
    pair.primary = pair.run("primary");
    pair.awaitLog("primary", "AMQ221007", Duration.ofMinutes(1)); // Server is now active
    pair.backup = pair.run("backup");
    pair.awaitLog("backup", "AMQ221031", Duration.ofMinutes(1)); // backup announced
    return pair;
  }

  /** What a node of the cluster configuration needs to reach this pair. */
  Map<String, String> nodeEnvironment() {
    return Map.of(
        "PARLEY_BROKER_PRIMARY",
        "127.0.0.1",
        "PARLEY_BROKER_PRIMARY_PORT",
        String.valueOf(primaryPort),
        "PARLEY_BROKER_BACKUP",
        "127.0.0.1",
        "PARLEY_BROKER_BACKUP_PORT",
        String.valueOf(backupPort),
        "PARLEY_BROKER_USER",
        USER,
        "PARLEY_BROKER_PASSWORD",
        PASSWORD);
  }

  /** SIGKILL of the primary broker, as when its machine dies. */
  void killPrimary() throws InterruptedException {
    primary.destroyForcibly();
    primary.waitFor();
  }

  /** Waits until the backup has taken the journal over and serves. */
  void awaitBackupActive(Duration limit) {
    awaitLog("backup", "AMQ221010", limit); // Backup Server is now active
  }

  /**
   * Sends one persistent text message to {@code queue} on the live broker, in message group {@code
   * group}, with string properties, through Artemis' own {@code producer} command: a client of the
   * broker that is not Parley.
   */
  void send(String queue, String text, String group, Map<String, String> properties) {
    StringBuilder json = new StringBuilder("[");
    properties.forEach(
        (key, value) ->
            json.append(json.length() > 1 ? "," : "")
                .append(
                    Json.createObjectBuilder()
                        .add("type", "string")
                        .add("key", key)
                        .add("value", value)
                        .build()));
    json.append("]");
    String out =
        artemis(
            List.of("producer"),
            "--destination",
            "queue://" + queue,
            "--message-count",
            "1",
            "--message",
            text,
            "--group",
            group,
            "--properties",
            json.toString());
    if (!out.contains("Produced: 1 messages")) {
      throw new IllegalStateException("artemis producer did not send: " + out);
    }
  }

  /** Runs an {@code artemis} command against the live broker; returns what it printed. */
  private String artemis(List<String> command, String... args) {
    List<String> line = new ArrayList<>();
    line.add("bash");
    line.add(Path.of(System.getProperty("parley.it.artemis.home"), "bin/artemis").toString());
    line.addAll(command);
    line.addAll(
        List.of(
            "--url",
            "tcp://127.0.0.1:" + (primary.isAlive() ? primaryPort : backupPort),
            "--user",
            USER,
            "--password",
            PASSWORD));
    line.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(line);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * How many consumers the live broker counts on {@code queue}, from Artemis' own {@code queue
   * stat} (-1 if it does not answer).
   */
  int consumers(String queue) {
    String out;
    try {
      out = artemis(List.of("queue", "stat"), "--queueName", queue);
    } catch (RuntimeException e) {
      return -1;
    }
    for (String row : out.split("\n")) {
      String[] cells = row.split("\\|");
      if (cells.length > 3 && cells[1].strip().equals(queue)) {
        try {
          return Integer.parseInt(cells[3].strip());
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  @Override
  public void close() {
    for (Process process : new Process[] {backup, primary}) {
      if (process != null && process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private void create() {
    try {
      if (Files.exists(base)) {
        try (Stream<Path> old = Files.walk(base)) {
          old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
      Files.createDirectories(base);
      create("primary", primaryPort, backupPort);
      create("backup", backupPort, primaryPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void create(String role, int port, int peerPort) throws IOException {
    Path script =
        Path.of(System.getProperty("parley.it.basedir"), "deploy/artemis/create-broker.sh");
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", script.toString(), role, base.resolve(role).toString()));
    Map<String, String> env = builder.environment();
    env.put("ARTEMIS_HOME", System.getProperty("parley.it.artemis.home"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PARLEY_BROKER_USER", USER);
    env.put("PARLEY_BROKER_PASSWORD", PASSWORD);
    env.put("PARLEY_BROKER_HOST", "127.0.0.1");
    env.put("PARLEY_BROKER_PORT", String.valueOf(port));
    env.put("PARLEY_BROKER_PEER", "127.0.0.1:" + peerPort);
    env.put("PARLEY_BROKER_DATA", base.resolve("shared-journal").toString());
    env.put("PARLEY_BROKER_MEMORY", "512M");
    builder.redirectErrorStream(true);
    builder.redirectOutput(base.resolve(role + "-create.log").toFile());
    try {
      int exit = builder.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "create-broker.sh " + role + " failed (" + exit + "): " + log(role + "-create"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Process run(String role) {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", base.resolve(role + "/bin/artemis").toString(), "run"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve(role + ".log").toFile()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitLog(String role, String code, Duration limit) {
    Await.await(role + " broker: " + code, limit, () -> log(role).contains(code));
  }

  private String log(String name) {
    try {
      Path file = base.resolve(name + ".log");
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
