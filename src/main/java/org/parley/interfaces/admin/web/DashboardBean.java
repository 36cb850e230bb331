package org.parley.interfaces.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.infrastructure.config.ConfigKeys;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.DashboardDto;

/** The dashboard's figures, read once per request; the page reloads them every few seconds. */
@Named("dashboard")
@RequestScoped
public class DashboardBean {

  @Inject AdminConsoleFacade console;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.ADMIN_DASHBOARD_REFRESH,
      defaultValue = ConfigKeys.ADMIN_DASHBOARD_REFRESH_DEFAULT)
  Duration refresh;

  private DashboardDto figures;

  public DashboardDto getFigures() {
    if (figures == null) {
      figures = console.dashboard();
    }
    return figures;
  }

  public long getRefreshSeconds() {
    return refresh.toSeconds();
  }

  /** The refresh period in milliseconds, for the page's script. */
  public long getRefreshMillis() {
    return refresh.toMillis();
  }
}
