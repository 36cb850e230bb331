package org.parley.nlu.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.nlu.api.BuiltInEntities;
import org.parley.nlu.api.NluResult.Entity;
import org.parley.nlu.api.TrainingSet.EntityDefinition;

/**
 * Finds entities by dictionary (whole words or phrases, any case, mapped to their canonical value)
 * and by pattern (numbers, dates, e-mail addresses, and the plugins' own patterns). Where two
 * candidates overlap, the longer wins, then the earlier; dictionary words win over patterns of the
 * same length.
 */
final class EntityExtractor {

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
  private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
  private static final Pattern DOTTED_DATE = Pattern.compile("\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b");
  private static final Pattern RELATIVE_DATE =
      Pattern.compile("\\b(today|tomorrow|yesterday)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\p{L}\\p{N}.,])-?\\d+(?:[.,]\\d+)?(?![\\p{L}\\p{N}])");

  /** Ranks among candidates of equal length: the more specific source wins. */
  private static final int DICTIONARY = 0;

  private static final int VALIDATED = 1; // dates and e-mail addresses
  private static final int PLUGIN_PATTERN = 2;
  private static final int LOOSE = 3; // plain numbers

  private final List<Dictionary> dictionaries;
  private final List<PatternEntity> patterns;
  private final Supplier<LocalDate> today;

  EntityExtractor(List<EntityDefinition> definitions, Supplier<LocalDate> today) {
    this.today = today;
    this.dictionaries = new ArrayList<>();
    this.patterns = new ArrayList<>();
    for (EntityDefinition definition : definitions) {
      if (!definition.synonyms().isEmpty()) {
        dictionaries.add(new Dictionary(definition.type(), definition.synonyms()));
      }
      if (definition.pattern() != null) {
        patterns.add(new PatternEntity(definition.type(), Pattern.compile(definition.pattern())));
      }
    }
  }

  List<Entity> extract(String text) {
    List<Candidate> candidates = new ArrayList<>();
    for (Dictionary dictionary : dictionaries) {
      dictionary.find(text, candidates);
    }
    for (PatternEntity pattern : patterns) {
      Matcher m = pattern.pattern().matcher(text);
      while (m.find()) {
        String value = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
        int start = m.groupCount() >= 1 && m.group(1) != null ? m.start(1) : m.start();
        int end = m.groupCount() >= 1 && m.group(1) != null ? m.end(1) : m.end();
        candidates.add(
            new Candidate(
                new Entity(pattern.type(), value, text.substring(start, end), start, end),
                PLUGIN_PATTERN));
      }
    }
    builtIns(text, candidates);
    return resolveOverlaps(candidates);
  }

  private void builtIns(String text, List<Candidate> candidates) {
    add(
        candidates,
        text,
        EMAIL,
        BuiltInEntities.EMAIL,
        VALIDATED,
        m -> m.group().toLowerCase(Locale.ROOT));
    add(
        candidates,
        text,
        ISO_DATE,
        BuiltInEntities.DATE,
        VALIDATED,
        m -> validDate(m.group(), DateTimeFormatter.ISO_LOCAL_DATE));
    add(
        candidates,
        text,
        DOTTED_DATE,
        BuiltInEntities.DATE,
        VALIDATED,
        m ->
            validDate(
                m.group(),
                DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT)));
    add(candidates, text, RELATIVE_DATE, BuiltInEntities.DATE, VALIDATED, m -> relative(m.group()));
    add(candidates, text, NUMBER, BuiltInEntities.NUMBER, LOOSE, m -> m.group().replace(',', '.'));
  }

  private static void add(
      List<Candidate> candidates,
      String text,
      Pattern pattern,
      String type,
      int rank,
      Function<Matcher, String> value) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      String normalized = value.apply(m);
      if (normalized != null) {
        candidates.add(
            new Candidate(new Entity(type, normalized, m.group(), m.start(), m.end()), rank));
      }
    }
  }

  private static String validDate(String text, DateTimeFormatter format) {
    try {
      return LocalDate.parse(text, format).toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private String relative(String word) {
    LocalDate base = today.get();
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "tomorrow" -> base.plusDays(1).toString();
      case "yesterday" -> base.minusDays(1).toString();
      default -> base.toString();
    };
  }

  /** Longest first, then earliest, then by the source's rank. */
  private static List<Entity> resolveOverlaps(List<Candidate> candidates) {
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> -(c.entity().end() - c.entity().start()))
            .thenComparingInt(c -> c.entity().start())
            .thenComparingInt(Candidate::rank));
    List<Entity> chosen = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Entity entity = candidate.entity();
      boolean overlaps =
          chosen.stream().anyMatch(c -> entity.start() < c.end() && c.start() < entity.end());
      if (!overlaps) {
        chosen.add(entity);
      }
    }
    chosen.sort(Comparator.comparingInt(Entity::start));
    return chosen;
  }

  private record Candidate(Entity entity, int rank) {}

  private record PatternEntity(String type, Pattern pattern) {}

  /** Whole-word matches of each synonym, case-insensitive. */
  private record Dictionary(String type, List<Map.Entry<Pattern, String>> words) {

    Dictionary(String type, Map<String, String> synonyms) {
      this(
          type,
          synonyms.entrySet().stream()
              .map(
                  e ->
                      Map.entry(
                          Pattern.compile(
                              "(?<![\\p{L}\\p{N}])"
                                  + Pattern.quote(e.getKey())
                                  + "(?![\\p{L}\\p{N}])",
                              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                          e.getValue()))
              .toList());
    }

    void find(String text, List<Candidate> candidates) {
      for (Map.Entry<Pattern, String> word : words) {
        Matcher m = word.getKey().matcher(text);
        while (m.find()) {
          candidates.add(
              new Candidate(
                  new Entity(type, word.getValue(), m.group(), m.start(), m.end()), DICTIONARY));
        }
      }
    }
  }
}
