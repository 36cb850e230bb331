package org.parley.interfaces.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;

/**
 * The console's form login: the name and password are checked by the application's Elytron domain
 * ({@code HttpServletRequest.login}), which keeps the identity in the session. The session gets a
 * new id (no fixation) and the console's own timeout; then the user goes to the page they asked
 * for, if it is a console page. Repeated refusals for a name or from an address pause its sign-ins
 * ({@link SignInThrottle}).
 */
@Named("login")
@RequestScoped
public class LoginBean {

  private static final Logger LOG = Logger.getLogger(LoginBean.class.getName());

  @Inject AdminConsoleFacade console;
  @Inject SignInThrottle throttle;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.ADMIN_SESSION_TIMEOUT,
      defaultValue = ConfigKeys.ADMIN_SESSION_TIMEOUT_DEFAULT)
  Duration sessionTimeout;

  private String username;
  private String password;
  private String next;

  public void signIn() throws IOException {
    ExternalContext external = Pages.external();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String address = request.getRemoteAddr();
    Optional<String> locked = throttle.lockedOut(username, address);
    if (locked.isPresent()) {
      LOG.log(
          Level.INFO,
          "Console sign-in for {0} not tried: {1}",
          new Object[] {username, locked.get()});
      console.signInLockedOut(username, locked.get());
      password = null;
      Pages.error("Sign-in is paused: " + locked.get() + ".");
      return;
    }
    try {
      if (request.getRemoteUser() != null) {
        request.logout();
      }
      request.login(username, password);
    } catch (ServletException e) {
      LOG.log(Level.INFO, "Console sign-in refused for {0}", username);
      console.signInRefused(username);
      throttle.refused(username, address);
      password = null;
      Pages.error("Wrong user name or password.");
      return;
    }
    request.changeSessionId();
    request.getSession().setMaxInactiveInterval((int) sessionTimeout.toSeconds());
    console.signedIn(request.getRemoteUser());
    external.redirect(request.getContextPath() + target(next));
  }

  /** Only a console page is a place to go back to (no open redirect). */
  static String target(String next) {
    if (next == null || next.isBlank()) {
      return AdminAccessFilter.HOME_VIEW;
    }
    try {
      URI uri = new URI(next).normalize();
      String path = uri.getPath();
      if (uri.getScheme() == null
          && uri.getRawAuthority() == null
          && path != null
          && path.startsWith("/admin/")
          && !path.startsWith(AdminAccessFilter.LOGIN_VIEW)) {
        return uri.toASCIIString();
      }
    } catch (URISyntaxException e) {
      LOG.log(Level.FINE, "Not a place to go back to: {0}", next);
    }
    return AdminAccessFilter.HOME_VIEW;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
