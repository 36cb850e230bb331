package org.parley.interfaces.admin.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.TranscriptDto;

/**
 * One dialog's transcript (each load is audited by the facade) and erasing it or its customer, each
 * after a confirmation step on the page.
 */
@Named("transcript")
@ViewScoped
public class TranscriptBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AdminConsoleFacade console;

  private String dialog;
  private TranscriptDto transcript;
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
    }
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
