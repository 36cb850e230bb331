package org.parley.interfaces.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.DeadLetterDto;

/**
 * The dead letters of both queues, and replaying or discarding them. Each action answers with a
 * redirect (POST, then GET), so a reload does not repeat it.
 */
@Named("deadLetters")
@RequestScoped
public class DeadLettersBean {

  static final int MAX = 200;
  private static final String SELF = "/dead-letters.xhtml?faces-redirect=true";

  @Inject AdminConsoleFacade console;

  private List<DeadLetterDto> letters;

  public List<DeadLetterDto> getLetters() {
    if (letters == null) {
      letters = console.deadLetters(MAX);
    }
    return letters;
  }

  public String replay(DeadLetterDto letter) {
    if (console.replay(letter.queue(), letter.id())) {
      Pages.infoAfterRedirect(
          "Replayed " + letter.id() + ": it is on its way to " + letter.userId() + ".");
    } else {
      Pages.infoAfterRedirect(
          letter.id() + " is no longer there (replayed or discarded meanwhile).");
    }
    return SELF;
  }

  public String discard(DeadLetterDto letter) {
    if (console.discard(letter.queue(), letter.id())) {
      Pages.infoAfterRedirect("Discarded " + letter.id() + ".");
    } else {
      Pages.infoAfterRedirect(
          letter.id() + " is no longer there (replayed or discarded meanwhile).");
    }
    return SELF;
  }

  public String replayAll() {
    int replayed = console.replayAll();
    Pages.infoAfterRedirect(
        "Replayed " + replayed + " dead letter" + (replayed == 1 ? "" : "s") + ".");
    return SELF;
  }
}
