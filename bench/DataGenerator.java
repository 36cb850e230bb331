import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a running Parley with generated dialogs through the DataAPI, printing progress.
 *
 * <pre>
 * java bench/DataGenerator.java -u 100 -d 1000 -c 500
 * java bench/DataGenerator.java --url http://localhost:8080 --user writer --password dev-writer-password \
 *     -u 100 -d 1000 -c 500 -m 3 --threads 8 --seed 42
 * </pre>
 *
 * -u customers, -d dialogs (spread over the customers), -c how many of the dialogs get consent, -m texts
 * per dialog. Needs only a JDK 17+; the defaults are the development user and the run command's port.
 */
public class DataGenerator {

  private static final String[] CHANNELS = {"telegram", "slack", "messenger", "webchat"};
  private static final String[] LANGUAGES = {"EN", "DE", "FR", "ES", "IT"};
  private static final String[] TEXTS = {
    "Hello!", "Where is my parcel?", "Can you build the main branch?", "Thanks a lot",
    "What is the status of the nightly job?", "Tell me a quote", "Goodbye"
  };

  public static void main(String[] args) throws Exception {
    String url = "http://localhost:8080";
    String user = "writer";
    String password = "dev-writer-password";
    int customers = 100;
    int dialogs = 1000;
    int consented = 500;
    int messages = 3;
    int threads = 8;
    long seed = System.nanoTime();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--user" -> user = args[++i];
        case "--password" -> password = args[++i];
        case "-u", "--customers" -> customers = Integer.parseInt(args[++i]);
        case "-d", "--dialogs" -> dialogs = Integer.parseInt(args[++i]);
        case "-c", "--consented" -> consented = Integer.parseInt(args[++i]);
        case "-m", "--messages" -> messages = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println("Unknown option " + args[i] + (value == null ? "" : ""));
          System.exit(2);
        }
      }
    }
    if (customers < 1 || dialogs < 0 || consented < 0 || consented > dialogs || messages < 1) {
      System.err.println("Need -u >= 1, 0 <= -c <= -d, -m >= 1");
      System.exit(2);
    }
    new DataGenerator(url, user, password, seed)
        .run(customers, dialogs, consented, messages, threads);
  }

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;
  private final String runId;
  private final long seed;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicInteger failures = new AtomicInteger();

  DataGenerator(String base, String user, String password, long seed) {
    this.base = base.replaceAll("/+$", "");
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.seed = seed;
    this.runId = Long.toString(Math.abs(seed % 1_000_000_000L), 36);
  }

  void run(int customers, int dialogs, int consented, int messages, int threads) throws Exception {
    System.out.printf(
        "Loading %s: %d customers, %d dialogs (%d consented), %d texts each, run %s%n",
        base, customers, dialogs, consented, messages, runId);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, dialogs / 20);
    List<Future<?>> futures = new ArrayList<>();
    for (int d = 0; d < dialogs; d++) {
      int dialog = d;
      futures.add(
          pool.submit(
              () -> {
                load(dialog, customers, dialog < consented, messages);
                int finished = done.incrementAndGet();
                if (finished % step == 0 || finished == dialogs) {
                  double seconds = (System.nanoTime() - start) / 1e9;
                  System.out.printf(
                      "%6d / %d dialogs, %d requests, %.0f req/s, %d failed%n",
                      finished, dialogs, requests.get(), requests.get() / seconds, failures.get());
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "Done in %.1f s: %d requests (%.0f/s), %d failed%n",
        seconds, requests.get(), requests.get() / seconds, failures.get());
    if (failures.get() > 0) {
      System.exit(1);
    }
  }

  private void load(int dialog, int customers, boolean consent, int messages) {
    Random random = new Random(seed + dialog);
    String customer = CHANNELS[dialog % CHANNELS.length] + "-gen" + (dialog % customers);
    String dialogId = "gen-" + runId + "-" + dialog;
    for (int m = 0; m < messages; m++) {
      String text = TEXTS[random.nextInt(TEXTS.length)];
      String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
      send(
          "/data/" + customer + "/" + dialogId,
          "{\"text\": \"" + text + "\", \"language\": \"" + language + "\"}",
          dialogId + "-" + m);
    }
    if (consent) {
      send("/consents/" + dialogId, "true", null);
    }
  }

  private void send(String path, String json, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    requests.incrementAndGet();
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        if (failures.incrementAndGet() <= 5) {
          System.err.println(path + " -> " + response.statusCode() + " " + response.body());
        }
      }
    } catch (Exception e) {
      if (failures.incrementAndGet() <= 5) {
        System.err.println(path + " -> " + e);
      }
    }
  }
}
