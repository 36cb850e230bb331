package org.parley.interfaces.admin.facade.internal.assembler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.application.QueueDepths;
import org.parley.domain.model.dialog.ActivityReports.ResponseTimes;
import org.parley.domain.model.dialog.ConversationQueries.ConsentState;
import org.parley.interfaces.admin.facade.dto.DashboardDto;
import org.parley.interfaces.admin.facade.dto.DashboardDto.ChannelRateDto;
import org.parley.interfaces.admin.facade.dto.DashboardDto.MinuteDto;
import org.parley.interfaces.admin.facade.dto.DashboardDto.ResponseTimeDto;

/** The dashboard's figures into what its screen shows, including the per-minute bars' heights. */
public final class DashboardDtoAssembler {

  static final int BAR_HEIGHT = 40;

  private DashboardDtoAssembler() {}

  public static DashboardDto toDto(
      Instant now,
      Instant since,
      Instant until,
      Map<String, long[]> perMinute,
      List<ResponseTimes> times,
      Map<ConsentState, Long> consent,
      QueueDepths.Depths depths) {
    List<ChannelRateDto> rates = new ArrayList<>();
    long busiest = perMinute.values().stream().flatMapToLong(Arrays::stream).max().orElse(0);
    perMinute.forEach((channel, counts) -> rates.add(rate(channel, counts, since, busiest)));
    return new DashboardDto(
        ConsoleTimes.format(now),
        Duration.between(since, until).toMinutes() + " minutes",
        rates,
        times.stream()
            .map(
                t ->
                    new ResponseTimeDto(
                        t.channel(),
                        t.language() == null ? "" : t.language(),
                        t.turns(),
                        ConsoleTimes.format(t.average()),
                        ConsoleTimes.format(t.p95())))
            .toList(),
        consent.getOrDefault(ConsentState.CONSENTED, 0L),
        consent.getOrDefault(ConsentState.AWAITING, 0L),
        consent.getOrDefault(ConsentState.UNCONSENTED, 0L),
        depths.inbound(),
        depths.outbound(),
        depths.inboundDeadLetters(),
        depths.outboundDeadLetters());
  }

  private static ChannelRateDto rate(String channel, long[] counts, Instant since, long busiest) {
    List<MinuteDto> minutes = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      total += counts[i];
      int height = busiest == 0 ? 0 : (int) Math.round(BAR_HEIGHT * (double) counts[i] / busiest);
      minutes.add(
          new MinuteDto(
              ConsoleTimes.format(since.plusSeconds(60L * i)).substring(11, 16),
              counts[i],
              height,
              BAR_HEIGHT - height));
    }
    return new ChannelRateDto(
        channel,
        counts.length == 0 ? 0 : counts[counts.length - 1],
        String.format(
            Locale.ROOT, "%.1f", counts.length == 0 ? 0.0 : (double) total / counts.length),
        minutes);
  }
}
