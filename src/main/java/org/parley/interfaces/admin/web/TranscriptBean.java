package org.parley.interfaces.admin.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.parley.application.HandoffService.HandoffRefusedException;
import org.parley.application.InvalidInputException;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.HandoffDto;
import org.parley.interfaces.admin.facade.dto.TranscriptDto;

/**
 * One dialog's transcript (each load is audited by the facade), erasing it or its customer, each
 * after a confirmation step on the page, and the handoff: taking the conversation over, answering
 * as a person, handing it back. The page follows the transcript live through {@link
 * LiveTranscriptServlet}.
 */
@Named("transcript")
@ViewScoped
public class TranscriptBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AdminConsoleFacade console;

  private String dialog;
  private TranscriptDto transcript;
  private HandoffDto handoff;
  private String reply;
  private Confirming confirming = Confirming.NOTHING;

  /** What the page asks to confirm. */
  public enum Confirming {
    NOTHING,
    DIALOG,
    CUSTOMER
  }

  /**
   * On the GET only (a view action does not run on the page's own POSTs): read and audited once.
   */
  public void load() {
    if (dialog == null || dialog.isBlank()) {
      Pages.error(400, "Which dialog? The address names none (dialog=...).");
      return;
    }
    transcript = console.transcript(dialog).orElse(null);
    if (transcript == null) {
      Pages.error(404, "There is no dialog " + dialog + " (erased, refused or never stored).");
      return;
    }
    LiveTranscriptServlet.mayFollow(Pages.external().getSessionMap(), dialog);
    handoff = console.handoff(dialog).orElse(null);
  }

  /** Takes the conversation over: the bot stops answering, the admin answers. */
  public void takeOver() {
    try {
      handoff = console.takeOver(transcript.dialog().id());
      Pages.info(
          "You have taken this conversation over: the bot is silent until you hand it back.");
    } catch (HandoffRefusedException e) {
      Pages.error(e.getMessage());
    }
    reread();
  }

  /** Sends the admin's reply through the outbound queue. */
  public void send() {
    try {
      console.replyAsPerson(transcript.dialog().id(), reply);
      reply = null;
    } catch (InvalidInputException | HandoffRefusedException e) {
      Pages.error(e.getMessage());
    }
    reread();
  }

  /** Returns the conversation to the bot. */
  public void handBack() {
    try {
      console.handBack(transcript.dialog().id());
      Pages.info("The bot answers this conversation again.");
    } catch (HandoffRefusedException e) {
      Pages.error(e.getMessage());
    }
    reread();
  }

  /** The page after an action: the same view, read again without a second audit entry. */
  private void reread() {
    String id = transcript.dialog().id();
    console.followTranscript(id).ifPresent(t -> transcript = t);
    handoff = console.handoff(id).orElse(null);
  }

  public HandoffDto getHandoff() {
    return handoff;
  }

  /** The dialog id as a query parameter's value, for the live feed's address. */
  public String getEncodedDialog() {
    return URLEncoder.encode(transcript.dialog().id(), StandardCharsets.UTF_8);
  }

  public String getHandoffState() {
    return HandoffDto.describe(handoff);
  }

  /** True while the signed-in admin holds the conversation and may answer in it. */
  public boolean isHeldByMe() {
    return handoff != null && !handoff.waiting() && handoff.admin().equals(Pages.remoteUser());
  }

  public String getReply() {
    return reply;
  }

  public void setReply(String reply) {
    this.reply = reply;
  }

  public void confirmDialog() {
    confirming = Confirming.DIALOG;
  }

  public void confirmCustomer() {
    confirming = Confirming.CUSTOMER;
  }

  public void cancel() {
    confirming = Confirming.NOTHING;
  }

  public String erase() {
    String customer = transcript.dialog().customerId();
    if (confirming == Confirming.CUSTOMER) {
      console.eraseCustomer(customer);
      Pages.infoAfterRedirect("Everything of customer " + customer + " was erased.");
    } else if (confirming == Confirming.DIALOG) {
      console.eraseDialog(customer, transcript.dialog().id());
      Pages.infoAfterRedirect("Dialog " + transcript.dialog().id() + " was erased.");
    } else {
      return null;
    }
    return "/conversations.xhtml?faces-redirect=true";
  }

  public TranscriptDto getTranscript() {
    return transcript;
  }

  public Confirming getConfirming() {
    return confirming;
  }

  public String getDialog() {
    return dialog;
  }

  public void setDialog(String dialog) {
    this.dialog = dialog;
  }
}
