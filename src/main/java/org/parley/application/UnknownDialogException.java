package org.parley.application;

/** No dialog (visible to the caller) has this id. */
public class UnknownDialogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownDialogException(String dialogId) {
    super("No dialog " + dialogId);
  }
}
