package org.parley.domain.model.dialog;

/**
 * Where a dialog is in its life: open while the user talks, ended by a goodbye or the idle timeout.
 */
public enum DialogStatus {
  OPEN,
  ENDED
}
