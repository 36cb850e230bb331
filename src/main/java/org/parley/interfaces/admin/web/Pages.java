package org.parley.interfaces.admin.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

/** What the backing beans do to the page they answer: messages, status codes, the next page. */
final class Pages {

  private Pages() {}

  static void info(String text) {
    message(FacesMessage.SEVERITY_INFO, text);
  }

  static void error(String text) {
    message(FacesMessage.SEVERITY_ERROR, text);
  }

  /** An error on the page answered with a status (e.g. 400 for a filter that does not parse). */
  static void error(int status, String text) {
    error(text);
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
  }

  /** A message that survives the redirect after a POST (it is kept in the flash). */
  static void infoAfterRedirect(String text) {
    info(text);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  static String remoteUser() {
    return external().getRemoteUser();
  }

  static ExternalContext external() {
    return FacesContext.getCurrentInstance().getExternalContext();
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }
}
