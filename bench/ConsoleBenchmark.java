import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin console's pages on many dialogs, over HTTP as a browser asks for them (signed in through
 * the login form): the conversations list unfiltered and under each filter, walking back through the
 * pages by their cursors, a transcript and the dashboard. Loads the dialogs with DataApiBenchmark's
 * loader (documents shaped exactly as Parley writes them) unless they are there already. Run it
 * with bench/console-benchmark.sh, which starts a Parley for it.
 */
public class ConsoleBenchmark {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
  private static final Pattern OLDER = Pattern.compile("id=\"older\" href=\"([^\"]*)\"");
  private static final Pattern ROW = Pattern.compile("class=\"dialog-link\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String url;
  private final int iterations;

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://127.0.0.1:8280");
    int dialogs = Integer.parseInt(arg(args, "--dialogs", "100000"));
    try (MongoClient client = MongoClients.create(arg(args, "--mongo", "mongodb://127.0.0.1:27999"))) {
      DataApiBenchmark.load(client.getDatabase("parley"), dialogs);
    }
    ConsoleBenchmark bench =
        new ConsoleBenchmark(url, Integer.parseInt(arg(args, "--iterations", "30")));
    bench.signIn();
    bench.run(Integer.parseInt(arg(args, "--pages", "200")));
  }

  ConsoleBenchmark(String url, int iterations) {
    this.url = url;
    this.iterations = iterations;
  }

  void signIn() throws Exception {
    String page = get("/admin/login.xhtml").body();
    Matcher state = VIEW_STATE.matcher(page);
    if (!state.find()) {
      throw new IllegalStateException("no login form");
    }
    String form =
        "login=login&login%3Anext=&login%3Ausername=admin&login%3Apassword=dev-admin-password"
            + "&login%3Asign-in=Sign+in&jakarta.faces.ViewState="
            + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/admin/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 302) {
      throw new IllegalStateException("sign-in refused: " + answer.statusCode());
    }
  }

  void run(int pages) throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String weekAgo = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();
    String[][] cases = {
      {"no filter", ""},
      {"channel", "channel=data-api"},
      {"language", "language=DE"},
      {"consent", "consent=CONSENTED"},
      {"customer", "customer=bench-customer-7"},
      {"last 7 days", "from=" + weekAgo + "&to=" + today},
      {"text", "text=" + URLEncoder.encode("benchmark text 4242", StandardCharsets.UTF_8)},
      {"all filters", "channel=data-api&language=DE&consent=CONSENTED&customer=bench-customer-7"
          + "&from=" + weekAgo + "&to=" + today},
    };
    System.out.printf("%n%d requests per case; whole page over HTTP, in ms%n", iterations);
    System.out.printf("%-14s %6s %8s %8s %8s%n", "case", "rows", "p50", "p99", "max");
    for (String[] c : cases) {
      String path = "/admin/conversations.xhtml" + (c[1].isEmpty() ? "" : "?" + c[1]);
      long[] ms = new long[iterations];
      int rows = 0;
      for (int i = 0; i < iterations; i++) {
        long start = System.nanoTime();
        HttpResponse<String> page = get(path);
        ms[i] = (System.nanoTime() - start) / 1_000_000;
        rows = count(ROW, page.body());
        if (page.statusCode() != 200) {
          throw new IllegalStateException(path + " answered " + page.statusCode());
        }
      }
      print(c[0], rows, ms);
    }

    List<Long> walk = new ArrayList<>();
    String path = "/admin/conversations.xhtml";
    int walked = 0;
    while (walked < pages && path != null) {
      long start = System.nanoTime();
      String body = get(path).body();
      walk.add((System.nanoTime() - start) / 1_000_000);
      walked++;
      Matcher older = OLDER.matcher(body);
      path = older.find() ? "/admin/" + older.group(1).replace("&amp;", "&") : null;
    }
    long[] ms = walk.stream().mapToLong(Long::longValue).toArray();
    print("walk " + walked + " pages", 25, ms);
    System.out.printf("  page 1: %d ms, page %d: %d ms%n", ms[0], walked, ms[walked - 1]);

    long[] transcript = new long[iterations];
    long[] dashboard = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      get("/admin/transcript.xhtml?dialog=bench-" + (i * 997));
      transcript[i] = (System.nanoTime() - start) / 1_000_000;
      start = System.nanoTime();
      get("/admin/dashboard.xhtml");
      dashboard[i] = (System.nanoTime() - start) / 1_000_000;
    }
    print("transcript", 1, transcript);
    print("dashboard", 0, dashboard);
  }

  private static void print(String name, int rows, long[] ms) {
    long[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-14s %6d %8d %8d %8d%n",
        name,
        rows,
        sorted[sorted.length / 2],
        sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)],
        sorted[sorted.length - 1]);
  }

  private static int count(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
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
