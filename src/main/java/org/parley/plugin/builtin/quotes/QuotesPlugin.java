package org.parley.plugin.builtin.quotes;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.Reply;
import org.parley.plugin.builtin.ClasspathPlugin;

/** A random quote from the list the plugin ships ({@code plugins/quotes/quotes.txt}). */
@ApplicationScoped
public class QuotesPlugin extends ClasspathPlugin {

  private volatile List<String> quotes;

  @Override
  protected String name() {
    return "quotes";
  }

  @Override
  protected List<Reply> handle(Action action) {
    List<String> all = quotes();
    return List.of(new Reply.Text(all.get(ThreadLocalRandom.current().nextInt(all.size()))));
  }

  /** The shipped quotes, one per line ("text — author"). */
  public List<String> quotes() {
    List<String> read = quotes;
    if (read == null) {
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream("plugins/quotes/quotes.txt")) {
        read =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the quotes", e);
      }
      quotes = read;
    }
    return read;
  }
}
