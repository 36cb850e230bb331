package org.parley.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A document store in a process of its own, for the fault tests: a standalone mongo-java-server (in
 * memory) reached through {@code MONGODB_URI}, standing in for MongoDB, which cannot run on this
 * machine. It outlives a Parley node killed with -9, and it can be made unreachable for a while by
 * stopping the process (SIGSTOP: its connections hang, as across a broken network) and continuing
 * it (SIGCONT).
 */
final class StoreProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private MongoClient client;

  private StoreProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the store on a free port and waits until it listens; its output goes to {@code
   * target/nodes/<name>-store.log}.
   */
  static StoreProcess start(String name) {
    File log = new File("target/nodes", name + "-store.log");
    log.getParentFile().mkdirs();
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                String.valueOf(port)));
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("ready")) {
          Thread drain = new Thread(() -> drain(out, log), "store-process-output");
          drain.setDaemon(true);
          drain.start();
          return new StoreProcess(process, port);
        }
      }
      throw new IllegalStateException("the store process ended before it listened");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "mongodb://127.0.0.1:" + port;
  }

  /** Parley's database in this store, to check what was stored. */
  synchronized MongoDatabase database() {
    if (client == null) {
      client = MongoClients.create(uri());
    }
    return client.getDatabase("parley");
  }

  /** The store stops answering, its sockets stay open (SIGSTOP). */
  void pause() {
    signal("STOP");
  }

  /** The store answers again (SIGCONT). */
  void resume() {
    signal("CONT");
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
    }
    process.destroyForcibly();
  }

  private void signal(String name) {
    try {
      int exit =
          new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException("kill -" + name + " exited " + exit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void drain(BufferedReader out, File log) {
    try (var writer = java.nio.file.Files.newBufferedWriter(log.toPath())) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        writer.write(line);
        writer.newLine();
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** A port free now, for a process of the tests to listen on. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The store process itself. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
      MongoServer server = new MongoServer(H2Backend.inMemory());
      server.bind("127.0.0.1", Integer.parseInt(args[0]));
      System.out.println("ready");
      System.out.flush();
      Thread.currentThread().join();
    }
  }
}
