package org.parley.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Parley node run as its own process, outside Arquillian, so that a test can kill it with -9 and
 * start it again on the same data: the provisioned server's modules, a base directory of its own
 * under {@code target/nodes/<name>} (configuration, the broker's journal, logs), the WAR in its
 * deployment scanner's folder, and a port offset of its own. It talks to the fake platforms of the
 * test JVM and to the store it is given.
 */
final class NodeProcess implements AutoCloseable {

  /**
   * Replies into one Telegram chat 20 a second instead of one: a fault test is about what survives,
   * and the stand-in Bot API has no rate to respect (FloodIT checks the default pacing).
   */
  static final String FAST_TELEGRAM = "-Dparley.telegram.send-interval=PT0.05S";

  private final String name;
  private final int portOffset;
  private final String mongoUri;
  private final Path base;
  private final List<String> extraArgs;
  private final String serverConfig;
  private final Map<String, String> environment;
  private Process process;

  private NodeProcess(
      String name,
      int portOffset,
      String mongoUri,
      String serverConfig,
      Map<String, String> environment,
      List<String> extraArgs) {
    this.name = name;
    this.portOffset = portOffset;
    this.mongoUri = mongoUri;
    this.serverConfig = serverConfig;
    this.environment = environment;
    this.extraArgs = extraArgs;
    this.base = Path.of("target", "nodes", name).toAbsolutePath();
  }

  /** A fresh node: a clean base directory, the WAR deployed, started and ready. */
  static NodeProcess start(String name, int portOffset, String mongoUri, String... extraArgs) {
    NodeProcess node = launching(name, portOffset, mongoUri, "standalone.xml", Map.of(), extraArgs);
    node.awaitReady();
    return node;
  }

  /**
   * A fresh node of several, on the cluster configuration ({@code standalone-cluster.xml}): the
   * broker pair and the node's identity come from {@code environment}, as in production. Returns
   * once the process runs; {@link #awaitReady()} waits for it, so that two nodes can boot at once.
   */
  static NodeProcess launchInCluster(
      String name,
      int portOffset,
      String mongoUri,
      Map<String, String> environment,
      String... extraArgs) {
    return launching(name, portOffset, mongoUri, "standalone-cluster.xml", environment, extraArgs);
  }

  private static NodeProcess launching(
      String name,
      int portOffset,
      String mongoUri,
      String serverConfig,
      Map<String, String> environment,
      String... extraArgs) {
    NodeProcess node =
        new NodeProcess(name, portOffset, mongoUri, serverConfig, environment, List.of(extraArgs));
    node.prepare();
    node.launch();
    return node;
  }

  String name() {
    return name;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** What the node has logged so far ({@code log/server.log}). */
  String log() {
    try {
      return Files.readString(base.resolve("log/server.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the node is ready (fails at once if it exited). */
  void awaitReady() {
    awaitReady(Duration.ofMinutes(3));
  }

  /** SIGKILL: no shutdown hook, nothing flushed, as when a machine dies. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts the node again on what it left behind, and waits until it is ready. */
  void restart() {
    launch();
    awaitReady(Duration.ofMinutes(3));
  }

  /** The node's URL for {@code path} on its HTTP port. */
  String http(String path) {
    return "http://127.0.0.1:" + (8080 + portOffset) + path;
  }

  /** The node's URL for {@code path} on its management port (health, metrics). */
  String management(String path) {
    return "http://127.0.0.1:" + (9990 + portOffset) + path;
  }

  /** Whether the readiness probe answers UP (false while it cannot be reached). */
  boolean ready() {
    try {
      HttpResponse<String> response = Http.get(java.net.URI.create(management("/health/ready")));
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitReady(Duration limit) {
    Await.await(
        name + " ready",
        limit,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " exited; see " + base.resolve("log/server.log"));
          }
          return ready();
        });
  }

  private void prepare() {
    Path server = Path.of(System.getProperty("jboss.home"));
    try {
      if (Files.exists(base)) {
        try (Stream<Path> old = Files.walk(base)) {
          old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
      copy(server.resolve("standalone/configuration"), base.resolve("configuration"));
      Files.createDirectories(base.resolve("deployments"));
      Files.copy(
          Path.of(System.getProperty("parley.it.war")),
          base.resolve("deployments/parley.war"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch() {
    Path home = Path.of(System.getProperty("jboss.home")).toAbsolutePath();
    String platforms = "http://127.0.0.1:" + TestEnvironment.platformsPort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-D[Standalone]",
            "-Xmx768m",
            System.getProperty("parley.it.collector"), // the server's (pom.xml, wildfly/jvm.conf)
            "-Djboss.home.dir=" + home,
            "-Djboss.server.base.dir=" + base,
            "-Djboss.socket.binding.port-offset=" + portOffset,
            "-Djboss.node.name=" + name,
            "-Dparley.mongodb.uri=" + mongoUri,
            "-Dparley.messenger.app-secret=" + Webhooks.MESSENGER_APP_SECRET,
            "-Dparley.messenger.page-token=" + FakePlatforms.PAGE_TOKEN,
            "-Dparley.messenger.api-url=" + platforms + "/graph",
            "-Dparley.slack.signing-secret=" + Webhooks.SLACK_SIGNING_SECRET,
            "-Dparley.slack.bot-token=" + FakePlatforms.SLACK_BOT_TOKEN,
            "-Dparley.slack.api-url=" + platforms + "/slack",
            "-Dparley.telegram.secret-token=" + Webhooks.TELEGRAM_SECRET,
            "-Dparley.telegram.bot-token=" + FakePlatforms.TELEGRAM_BOT_TOKEN,
            "-Dparley.telegram.api-url=" + platforms + "/telegram",
            "-Dparley.webchat.token-secret=it-webchat-token-secret-of-32-characters-or-more",
            "-Dparley.plugins.jenkins.enabled=false"));
    command.addAll(extraArgs);
    command.addAll(
        List.of(
            "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
            "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.security=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.management/javax.management=ALL-UNNAMED",
            "--add-opens=java.naming/javax.naming=ALL-UNNAMED",
            "--add-modules=java.se",
            "-Dorg.jboss.boot.log.file=" + base.resolve("log/server.log"),
            "-Dlogging.configuration=file:" + base.resolve("configuration/logging.properties"),
            "-jar",
            home.resolve("jboss-modules.jar").toString(),
            "-mp",
            home.resolve("modules").toString(),
            "org.jboss.as.standalone",
            "-c=" + serverConfig));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
