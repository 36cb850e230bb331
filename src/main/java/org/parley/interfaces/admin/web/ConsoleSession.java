package org.parley.interfaces.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;

/** Who is signed in, and signing out (the session and its identity end). */
@Named("consoleSession")
@RequestScoped
public class ConsoleSession {

  @Inject AdminConsoleFacade console;

  public String getUser() {
    return Pages.remoteUser();
  }

  public void signOut() throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) Pages.external().getRequest();
    String who = request.getRemoteUser();
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    if (who != null) {
      console.signedOut(who);
    }
    Pages.external()
        .redirect(request.getContextPath() + AdminAccessFilter.LOGIN_VIEW + "?signedOut=true");
  }
}
