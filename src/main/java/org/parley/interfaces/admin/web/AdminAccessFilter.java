package org.parley.interfaces.admin.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Who may see {@code /admin/*}: a signed-in user with the role {@code admin}. Anyone not signed in
 * is sent to the login page (which brings them back afterwards); a signed-in user without the role
 * gets a 403 page. The identity comes from the session, where {@link LoginBean} put it through
 * {@code HttpServletRequest.login} against the application's Elytron domain.
 */
public class AdminAccessFilter extends HttpFilter {

  static final String ROLE = "admin";
  static final String LOGIN_VIEW = "/admin/login.xhtml";
  static final String HOME_VIEW = "/admin/dashboard.xhtml";
  static final String FORBIDDEN_VIEW = "/admin/forbidden.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/admin") || path.equals("/admin/")) {
      response.sendRedirect(request.getContextPath() + HOME_VIEW);
      return;
    }
    if (path.equals(LOGIN_VIEW)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getRemoteUser() == null) {
      toLogin(request, response, path);
      return;
    }
    if (!request.isUserInRole(ROLE)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      request.getRequestDispatcher(FORBIDDEN_VIEW).forward(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** To the login page, remembering a page asked for by GET. */
  private static void toLogin(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    String login = request.getContextPath() + LOGIN_VIEW;
    if ("GET".equals(request.getMethod()) && !path.equals(FORBIDDEN_VIEW)) {
      String target =
          request.getQueryString() == null ? path : path + "?" + request.getQueryString();
      login += "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
    response.sendRedirect(login);
  }
}
