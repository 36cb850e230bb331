package org.parley.testing;

import java.time.Duration;
import org.parley.application.PipelineMetrics;

/** Figures a unit test does not look at. */
public final class NoPipelineMetrics implements PipelineMetrics {

  @Override
  public void acknowledged(String channel, int messages, Duration latency) {}

  @Override
  public void answered(String channel) {}

  @Override
  public void duplicateDropped(String channel, String stage) {}

  @Override
  public void delivered(String channel, String language, Duration turnLatency) {}

  @Override
  public void shed(String channel) {}

  @Override
  public void rateLimited(String channel) {}

  @Override
  public void refused(String channel) {}

  @Override
  public void deadLettered(String queue) {}
}
