package org.parley.domain.model.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where console actions are written; entries are never changed or removed by the application. */
public interface AuditLog {

  void record(AuditEntry entry);

  /** Deletes the entries recorded before {@code cutoff}; returns how many went. */
  long purgeBefore(Instant cutoff);

  /**
   * The newest entries first, recorded before the entry {@code beforeId} when given, of one action
   * when given, at most {@code limit}.
   */
  List<AuditEntry> newest(Optional<String> beforeId, Optional<AuditAction> action, int limit);
}
