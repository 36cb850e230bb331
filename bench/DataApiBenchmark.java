import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * GET /data latency through the API beside the same work done directly with the MongoDB driver against
 * the same store, in the same run: count + one sorted page + the page's messages. Loads the dialogs with
 * the driver first (documents shaped exactly as Parley writes them) unless they are there already.
 * Run it with bench/data-api-benchmark.sh, which starts a Parley for it.
 */
public class DataApiBenchmark {

  private static final String[] LANGUAGES = {"EN", "DE", "FR", "ES", "IT"};
  private static final int CUSTOMERS = 1000;
  private static final int PAGE_SIZE = 20;

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://127.0.0.1:8280");
    String mongo = arg(args, "--mongo", "mongodb://127.0.0.1:27999");
    int dialogs = Integer.parseInt(arg(args, "--dialogs", "100000"));
    int iterations = Integer.parseInt(arg(args, "--iterations", "50"));
    try (MongoClient client = MongoClients.create(mongo)) {
      MongoDatabase db = client.getDatabase(arg(args, "--database", "parley"));
      load(db, dialogs);
      new DataApiBenchmark(url, db, iterations).run();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;
  private final MongoCollection<Document> dialogs;
  private final MongoCollection<Document> messages;
  private final int iterations;
  private final String auth =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("reader:dev-reader-password".getBytes(StandardCharsets.UTF_8));

  DataApiBenchmark(String url, MongoDatabase db, int iterations) {
    this.url = url;
    this.dialogs = db.getCollection("dialogs");
    this.messages = db.getCollection("messages");
    this.iterations = iterations;
  }

  static void load(MongoDatabase db, int count) {
    MongoCollection<Document> dialogs = db.getCollection("dialogs");
    long present = dialogs.countDocuments(eq("bench", true));
    if (present >= count) {
      System.out.printf("%d benchmark dialogs already loaded%n", present);
      return;
    }
    System.out.printf("Loading %d dialogs (+1 message each) with the driver...%n", count - present);
    Random random = new Random(7);
    Instant now = Instant.now();
    long start = System.nanoTime();
    List<Document> batchD = new ArrayList<>();
    List<Document> batchM = new ArrayList<>();
    for (long i = present; i < count; i++) {
      String id = "bench-" + i;
      String customer = "bench-customer-" + (i % CUSTOMERS);
      String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
      Date created = Date.from(now.minusSeconds(random.nextInt(30 * 24 * 3600)));
      Date updated = Date.from(created.toInstant().plusSeconds(random.nextInt(3600)));
      batchD.add(
          new Document("_id", id)
              .append("customerId", customer)
              .append("channel", "data-api")
              .append("language", language)
              .append("consent", random.nextBoolean())
              .append("status", "OPEN")
              .append("createdAt", created)
              .append("updatedAt", updated)
              .append("messageCount", 1L)
              .append("lastSeq", 1L)
              .append("bench", true));
      batchM.add(
          new Document("_id", id + "/bench")
              .append("dialogId", id)
              .append("customerId", customer)
              .append("seq", 1L)
              .append("direction", "INBOUND")
              .append("type", "TEXT")
              .append("text", "benchmark text " + i)
              .append("language", language)
              .append("createdAt", updated));
      if (batchD.size() == 1000) {
        dialogs.insertMany(batchD);
        db.getCollection("messages").insertMany(batchM);
        batchD.clear();
        batchM.clear();
        if ((i + 1) % 10_000 == 0) {
          System.out.printf(
              "  %d loaded (%.0f s)%n", i + 1, (System.nanoTime() - start) / 1e9);
        }
      }
    }
    if (!batchD.isEmpty()) {
      dialogs.insertMany(batchD);
      db.getCollection("messages").insertMany(batchM);
    }
    System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  void run() throws Exception {
    String customer = "bench-customer-7";
    String language = "DE";
    record Case(String name, String query, Bson filter) {}
    List<Case> cases =
        List.of(
            new Case("no filter", "", eq("consent", true)),
            new Case("language", "language=" + language, and(eq("consent", true), eq("language", language))),
            new Case(
                "customer",
                "customerId=" + customer,
                and(eq("consent", true), eq("customerId", customer))),
            new Case(
                "both",
                "customerId=" + customer + "&language=" + language,
                and(eq("consent", true), eq("customerId", customer), eq("language", language))));
    System.out.printf(
        "%n%d iterations per query, page size %d; latency in ms%n", iterations, PAGE_SIZE);
    System.out.printf(
        "%-10s %-7s %7s %6s | %8s %8s | %8s %8s | %6s %6s%n",
        "filter", "page", "number", "total", "API p50", "API p99", "drv p50", "drv p99", "r p50", "r p99");
    for (Case c : cases) {
      long total = dialogs.countDocuments(c.filter());
      long last = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
      long[][] pages = {{1}, {(last + 1) / 2}, {last}};
      String[] names = {"first", "middle", "last"};
      for (int p = 0; p < 3; p++) {
        long page = pages[p][0];
        String path = "/data?size=" + PAGE_SIZE + "&page=" + page + (c.query().isEmpty() ? "" : "&" + c.query());
        double[] api = measure(() -> api(path));
        double[] driver = measure(() -> driver(c.filter(), page));
        System.out.printf(
            Locale.ROOT,
            "%-10s %-7s %7d %6d | %8.2f %8.2f | %8.2f %8.2f | %6.2f %6.2f%n",
            c.name(), names[p], page, total, api[0], api[1], driver[0], driver[1],
            api[0] / driver[0], api[1] / driver[1]);
      }
    }
  }

  private double[] measure(LongSupplier call) {
    for (int i = 0; i < Math.max(3, iterations / 10); i++) {
      call.getAsLong();
    }
    long[] samples = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      call.getAsLong();
      samples[i] = System.nanoTime() - start;
    }
    Arrays.sort(samples);
    return new double[] {
      samples[(int) Math.floor(0.50 * (iterations - 1))] / 1e6,
      samples[(int) Math.ceil(0.99 * (iterations - 1))] / 1e6
    };
  }

  private long api(String path) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url + path))
                  .header("Authorization", auth)
                  .timeout(Duration.ofMinutes(2))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " -> " + response.statusCode());
      }
      return response.body().length;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the API does for one page, done directly: count, the sorted page, its messages. */
  private long driver(Bson filter, long page) {
    long total = dialogs.countDocuments(filter);
    List<Document> items =
        dialogs
            .find(filter)
            .sort(new Document("updatedAt", -1).append("_id", 1))
            .skip((int) ((page - 1) * PAGE_SIZE))
            .limit(PAGE_SIZE)
            .into(new ArrayList<>());
    List<Object> ids = items.stream().map(d -> d.get("_id")).toList();
    long found = ids.isEmpty() ? 0 : messages.find(in("dialogId", ids)).into(new ArrayList<>()).size();
    return total + items.size() + found;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
