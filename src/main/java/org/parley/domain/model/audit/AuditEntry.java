package org.parley.domain.model.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing an admin did ({@code id}: given by the log, null before it is recorded): who, when,
 * what ({@link AuditAction}) to which thing ({@code target}: a dialog id, a dead letter's id, a
 * plugin name, a customer id) and a short, text-free detail.
 */
public record AuditEntry(
    String id, Instant at, String who, AuditAction action, String target, String detail) {

  public static AuditEntry of(
      Instant at, String who, AuditAction action, String target, String detail) {
    return new AuditEntry(null, at, who, action, target, detail);
  }

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(action, "action");
  }
}
