package org.parley.plugin.remote;

/** A remote plugin's endpoint did not answer, or answered with a server error. */
public class RemotePluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RemotePluginException(String message) {
    super(message);
  }

  public RemotePluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
