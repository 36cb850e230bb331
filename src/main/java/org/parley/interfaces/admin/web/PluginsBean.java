package org.parley.interfaces.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.PluginStatusDto;

/** The plugins with their health, and connecting or closing one. */
@Named("plugins")
@RequestScoped
public class PluginsBean {

  private static final String SELF = "/plugins.xhtml?faces-redirect=true";

  @Inject AdminConsoleFacade console;

  private List<PluginStatusDto> plugins;

  public List<PluginStatusDto> getAll() {
    if (plugins == null) {
      plugins = console.plugins();
    }
    return plugins;
  }

  public String connect(String name) {
    console.connectPlugin(name, true);
    Pages.infoAfterRedirect("Plugin " + name + " is connected.");
    return SELF;
  }

  public String close(String name) {
    console.connectPlugin(name, false);
    Pages.infoAfterRedirect(
        "Plugin " + name + " is closed: its actions answer that they are unavailable.");
    return SELF;
  }
}
