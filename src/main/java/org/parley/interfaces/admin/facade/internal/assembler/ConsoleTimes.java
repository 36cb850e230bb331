package org.parley.interfaces.admin.facade.internal.assembler;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console writes times and durations: UTC to the second, durations in ms or s. */
final class ConsoleTimes {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private ConsoleTimes() {}

  static String format(Instant at) {
    return at == null ? "" : UTC.format(at);
  }

  static String format(Duration duration) {
    if (duration == null) {
      return "";
    }
    long millis = duration.toMillis();
    return millis < 10_000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
  }
}
