package org.parley.domain.model.dialog;

/** A dialog id is already taken by another customer's dialog. */
public class DialogOwnedByAnotherCustomerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DialogOwnedByAnotherCustomerException(String dialogId) {
    super("Dialog " + dialogId + " belongs to another customer");
  }
}
