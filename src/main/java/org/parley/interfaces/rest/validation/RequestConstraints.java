package org.parley.interfaces.rest.validation;

/** The patterns Parley's request constraints share, with the messages that explain them. */
public final class RequestConstraints {

  /**
   * A customer or dialog id: URL-safe, as the DataAPI's paths need, and not a dot-segment ({@code
   * .} or {@code ..}), which clients and proxies remove from a path before it arrives.
   */
  public static final String ID = "(?!\\.{1,2}$)[A-Za-z0-9._-]{1,128}";

  public static final String ID_MESSAGE =
      "must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_' or '-', and not . or ..";

  /** An Idempotency-Key: visible ASCII. */
  public static final String REQUEST_KEY = "[\\x21-\\x7E]{1,255}";

  public static final String REQUEST_KEY_MESSAGE = "must be 1 to 255 visible ASCII characters";

  /** A page number or size, or a web chat reply number: digits only. */
  public static final String WHOLE_NUMBER = "\\s*[0-9]{1,9}\\s*";

  public static final String WHOLE_NUMBER_MESSAGE = "must be a whole number";

  /** A web chat reply number. */
  public static final String SEQUENCE = "\\s*[0-9]{1,18}\\s*";

  /** A plugin attribute's name. */
  public static final String ATTRIBUTE_NAME = "[A-Za-z][A-Za-z0-9_.-]{0,63}";

  private RequestConstraints() {}
}
