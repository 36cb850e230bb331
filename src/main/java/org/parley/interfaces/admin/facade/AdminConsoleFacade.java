package org.parley.interfaces.admin.facade;

import java.util.List;
import java.util.Optional;
import org.parley.interfaces.admin.facade.dto.AuditEntryDto;
import org.parley.interfaces.admin.facade.dto.ConversationFilterDto;
import org.parley.interfaces.admin.facade.dto.ConversationPageDto;
import org.parley.interfaces.admin.facade.dto.DashboardDto;
import org.parley.interfaces.admin.facade.dto.DeadLetterDto;
import org.parley.interfaces.admin.facade.dto.HandoffDto;
import org.parley.interfaces.admin.facade.dto.PluginStatusDto;
import org.parley.interfaces.admin.facade.dto.TranscriptDto;

/**
 * What the admin console can see and do. Every method needs the caller to have the role {@code
 * admin}; what changes something, and every transcript read, is written to the audit log under the
 * caller's name.
 *
 * @throws org.parley.application.InvalidInputException for a filter, cursor or id that does not
 *     parse (the screens show its message)
 */
public interface AdminConsoleFacade {

  /**
   * A page of dialogs, newest first; {@code cursor} and {@code newer} as the page DTO gave them.
   */
  ConversationPageDto conversations(
      ConversationFilterDto filter, String cursor, boolean newer, int size);

  /**
   * Whether the conversations can be filtered by text: not while dialog text is encrypted at rest
   * ({@link #conversations} then refuses a text filter, saying so).
   */
  boolean textSearchable();

  /** The dialog's transcript (audited as read), if the dialog exists. */
  Optional<TranscriptDto> transcript(String dialogId);

  /**
   * The same transcript for a screen that follows it live: not audited again, so only for a dialog
   * this session has read through {@link #transcript}.
   */
  Optional<TranscriptDto> followTranscript(String dialogId);

  /** The conversations waiting for a person or held by one, the longest waiting first. */
  List<HandoffDto> handoffs();

  /** The handoff of the dialog's conversation, if it is handed off. */
  Optional<HandoffDto> handoff(String dialogId);

  /**
   * The caller takes the dialog's conversation over (audited).
   *
   * @throws org.parley.application.HandoffService.HandoffRefusedException saying why not
   */
  HandoffDto takeOver(String dialogId);

  /**
   * Sends the caller's reply to the user of a conversation the caller holds (audited).
   *
   * @throws org.parley.application.InvalidInputException when the text is blank or too long
   * @throws org.parley.application.HandoffService.HandoffRefusedException saying why not
   */
  void replyAsPerson(String dialogId, String text);

  /**
   * Returns the conversation to the bot (audited).
   *
   * @throws org.parley.application.HandoffService.HandoffRefusedException when it is not handed off
   */
  void handBack(String dialogId);

  DashboardDto dashboard();

  /** Both dead-letter queues' letters, oldest first, at most {@code max} of each. */
  List<DeadLetterDto> deadLetters(int max);

  /** Replays one dead letter; false if it is no longer there. */
  boolean replay(String queue, String id);

  /** Replays every dead letter there is now; returns how many. */
  int replayAll();

  /** Discards one dead letter; false if it is no longer there. */
  boolean discard(String queue, String id);

  List<PluginStatusDto> plugins();

  /** Connects (true) or closes (false) a plugin; false if there is no such plugin. */
  boolean connectPlugin(String name, boolean connect);

  /** Erases a dialog and all of its messages; false if there was none. */
  boolean eraseDialog(String customerId, String dialogId);

  /** Erases everything of a customer; false if there was nothing. */
  boolean eraseCustomer(String customerId);

  /** The audit log, newest first, before the entry {@code beforeId} when given. */
  List<AuditEntryDto> audit(String beforeId, String action, int limit);

  /** The actions the audit log knows, to filter by. */
  List<String> auditActions();

  /** Records a sign-in or sign-out of {@code who} (the caller is not known yet or any more). */
  void signedIn(String who);

  void signedOut(String who);

  /** Records a refused sign-in under the name that was tried. */
  void signInRefused(String who);

  /**
   * Records a sign-in refused unchecked, because the name or the address had too many refusals;
   * {@code why} says which.
   */
  void signInLockedOut(String who, String why);
}
