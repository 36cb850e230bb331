package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * The dashboard's figures, as of {@code asOf} (UTC): messages per minute by channel, response times
 * by channel and language over {@code window}, dialogs by consent state, queue depths (-1:
 * unknown).
 */
public record DashboardDto(
    String asOf,
    String window,
    List<ChannelRateDto> rates,
    List<ResponseTimeDto> responseTimes,
    long consented,
    long awaiting,
    long unconsented,
    long inboundDepth,
    long outboundDepth,
    long inboundDeadLetters,
    long outboundDeadLetters)
    implements Serializable {

  public DashboardDto {
    rates = List.copyOf(rates);
    responseTimes = List.copyOf(responseTimes);
  }

  public long deadLetters() {
    return Math.max(0, inboundDeadLetters) + Math.max(0, outboundDeadLetters);
  }

  /**
   * Messages received from one channel: in the last whole minute, on average per minute over the
   * window, and each minute of the window (oldest first) with a bar height for the chart.
   */
  public record ChannelRateDto(
      String channel, long lastMinute, String averagePerMinute, List<MinuteDto> minutes)
      implements Serializable {

    public ChannelRateDto {
      minutes = List.copyOf(minutes);
    }
  }

  /** One minute's count and its bar's height in the chart (0–40 px). */
  public record MinuteDto(String minute, long count, int height, int y) implements Serializable {}

  /** Response times of one channel and language. */
  public record ResponseTimeDto(
      String channel, String language, long turns, String average, String p95)
      implements Serializable {}
}
