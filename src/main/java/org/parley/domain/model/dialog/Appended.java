package org.parley.domain.model.dialog;

/**
 * What appending a message did: whether it opened the dialog, or was a repeat of a request already
 * stored (then nothing changed).
 */
public enum Appended {
  OPENED_DIALOG,
  CONTINUED_DIALOG,
  ALREADY_STORED
}
