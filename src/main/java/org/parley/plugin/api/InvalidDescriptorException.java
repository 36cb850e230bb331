package org.parley.plugin.api;

/** A plugin descriptor that cannot be used; the message names the file and what is wrong. */
public class InvalidDescriptorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidDescriptorException(String file, String problem) {
    super(file + ": " + problem);
  }

  public InvalidDescriptorException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
