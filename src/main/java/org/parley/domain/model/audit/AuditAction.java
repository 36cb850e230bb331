package org.parley.domain.model.audit;

/** What an admin did in the console. */
public enum AuditAction {
  SIGNED_IN,
  SIGN_IN_REFUSED,
  SIGN_IN_LOCKED_OUT,
  SIGNED_OUT,
  VIEWED_TRANSCRIPT,
  REPLAYED_DEAD_LETTER,
  DISCARDED_DEAD_LETTER,
  ERASED_DIALOG,
  ERASED_CUSTOMER,
  CONNECTED_PLUGIN,
  CLOSED_PLUGIN
}
