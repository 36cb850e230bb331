package org.parley.interfaces.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.application.InvalidInputException;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.AuditEntryDto;

/** The audit log, newest first, 50 entries a page, optionally of one action. */
@Named("auditLog")
@RequestScoped
public class AuditBean {

  static final int PAGE_SIZE = 50;

  @Inject AdminConsoleFacade console;

  private String before;
  private String action;
  private List<AuditEntryDto> entries = List.of();

  public void load() {
    try {
      entries = console.audit(before, action, PAGE_SIZE);
    } catch (InvalidInputException e) {
      Pages.error(400, e.getMessage());
    }
  }

  public List<String> getActions() {
    return console.auditActions();
  }

  public List<AuditEntryDto> getEntries() {
    return entries;
  }

  /** The id to continue from on the next (older) page; null when this page is not full. */
  public String getOlder() {
    return entries.size() < PAGE_SIZE ? null : entries.get(entries.size() - 1).id();
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }
}
