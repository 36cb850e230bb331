package org.parley.plugin.api;

/** A plugin's health: one of the SPI's statuses and a line saying why. */
public record PluginHealth(Status status, String detail) {

  /** The statuses a plugin reports (Jenkins' vocabulary, so build results map one to one). */
  public enum Status {
    SUCCESS,
    FAIL,
    ERROR,
    ABORTED,
    REGRESSION,
    FIXED,
    PASSED
  }

  public static PluginHealth success(String detail) {
    return new PluginHealth(Status.SUCCESS, detail);
  }
}
