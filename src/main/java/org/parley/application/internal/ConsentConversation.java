package org.parley.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.parley.application.DialogService;
import org.parley.application.UnknownDialogException;
import org.parley.domain.model.dialog.ConsentQuestions;
import org.parley.domain.model.dialog.TurnStore.DialogRef;
import org.parley.plugin.api.Reply;

/**
 * The consent conversation: the question the bot asks when a dialog ends (after a goodbye or the
 * idle timeout), the words it takes as an answer, and what each answer does. A "yes" records the
 * consent through the DataAPI's consent service, so that the dialog becomes visible at {@code
 * /data}. A "no" erases the dialog through the same cascade as every other erasure. The answer
 * itself is never stored.
 */
@ApplicationScoped
public class ConsentConversation {

  static final String QUESTION =
      "May I keep our conversation? It helps us improve. You can ask for it to be deleted at any"
          + " time.";
  static final String YES = "Yes";
  static final String NO = "No";
  static final String KEPT = "Thank you! I will keep our conversation.";
  static final String DELETED = "Understood. I have deleted our conversation.";
  static final String NOTHING_TO_KEEP = "Thank you! That conversation has already been deleted.";

  private static final Set<String> YES_WORDS =
      Set.of("yes", "y", "yeah", "yep", "sure", "ok", "okay", "ja", "oui", "si", "sí", "sim");
  private static final Set<String> NO_WORDS =
      Set.of("no", "n", "nope", "nein", "non", "não", "nao");
  private static final Logger LOG = Logger.getLogger(ConsentConversation.class.getName());

  @Inject ConsentQuestions questions;
  @Inject DialogService dialogs;

  /** The question, with Yes and No to tap. */
  public Reply question() {
    return new Reply.QuickReplies(QUESTION, List.of(YES, NO));
  }

  /** The customer's dialog waiting for an answer, if the text is one; empty otherwise. */
  public Optional<Answer> answerIn(String customerId, String text) {
    Optional<Boolean> granted = answerOf(text);
    if (granted.isEmpty()) {
      return Optional.empty();
    }
    return questions.awaitingConsent(customerId).map(asking -> new Answer(asking, granted.get()));
  }

  /** Records the answer (keeps or erases the dialog) and returns what the bot says to it. */
  public Reply record(Answer answer) {
    String dialogId = answer.dialog().dialogId();
    LOG.fine(() -> "Consent " + (answer.granted() ? "granted" : "refused") + " for " + dialogId);
    if (answer.granted()) {
      try {
        dialogs.consent(dialogId, true);
        questions.endConsentQuestion(dialogId);
        return new Reply.Text(KEPT);
      } catch (UnknownDialogException e) { // erased meanwhile (the DataAPI, an admin)
        return new Reply.Text(NOTHING_TO_KEEP);
      }
    }
    try {
      dialogs.consent(dialogId, false); // the dialog and every copy of it go
    } catch (UnknownDialogException e) {
      LOG.fine(() -> dialogId + " was erased before the answer arrived");
    }
    return new Reply.Text(DELETED);
  }

  /** "yes" or "no" (in a few languages), as typed or tapped; empty for anything else. */
  static Optional<Boolean> answerOf(String text) {
    String word =
        text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!\\s]+$", "").replaceAll("^[\\s]+", "");
    if (YES_WORDS.contains(word)) {
      return Optional.of(true);
    }
    if (NO_WORDS.contains(word)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** An answer to the question asked in {@code dialog}. */
  public record Answer(DialogRef dialog, boolean granted) {}
}
