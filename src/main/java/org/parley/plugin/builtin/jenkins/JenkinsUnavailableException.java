package org.parley.plugin.builtin.jenkins;

/** Jenkins did not answer, or answered with a server error. */
public class JenkinsUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JenkinsUnavailableException(String message) {
    super(message);
  }

  public JenkinsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
