package org.parley.domain.model.dialog;

/**
 * Where a dialog is in its life: open while the user talks; awaiting consent once a goodbye or the
 * idle timeout ended it and the bot asked whether it may keep it; ended when the user answered (a
 * "no" deletes the dialog, so an ended dialog is a kept one) or went on to talk about something
 * else.
 */
public enum DialogStatus {
  OPEN,
  AWAITING_CONSENT,
  ENDED
}
