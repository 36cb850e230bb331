package org.parley.infrastructure.persistence.mongodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.parley.domain.model.dialog.ActivityReports.ResponseTimes;

/** The dashboard's average and p95 (nearest rank) of response times. */
class ResponseTimesTest {

  @Test
  void averageAndNearestRankP95WhateverTheOrder() {
    List<Duration> times =
        new ArrayList<>(LongStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList());
    Collections.shuffle(times);
    ResponseTimes figures = MongoActivityReports.of("telegram", "EN", times);
    assertEquals(100, figures.turns());
    assertEquals(Duration.ofNanos(50_500_000), figures.average());
    assertEquals(Duration.ofMillis(95), figures.p95());
  }

  @Test
  void oneTurnIsItsOwnP95() {
    ResponseTimes figures = MongoActivityReports.of("slack", "DE", List.of(Duration.ofMillis(7)));
    assertEquals(Duration.ofMillis(7), figures.average());
    assertEquals(Duration.ofMillis(7), figures.p95());
  }

  @Test
  void twentyTurnsTakeTheNineteenth() {
    List<Duration> times = LongStream.rangeClosed(1, 20).mapToObj(Duration::ofSeconds).toList();
    assertEquals(Duration.ofSeconds(19), MongoActivityReports.of("webchat", "EN", times).p95());
  }
}
