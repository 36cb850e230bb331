package org.parley.interfaces.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.HandoffDto;

/** The queue of conversations waiting for a person or held by one, read once per request. */
@Named("handoffs")
@RequestScoped
public class HandoffsBean {

  @Inject AdminConsoleFacade console;

  private List<HandoffDto> queue;

  public List<HandoffDto> getQueue() {
    if (queue == null) {
      queue = console.handoffs();
    }
    return queue;
  }

  public long getWaiting() {
    return getQueue().stream().filter(HandoffDto::waiting).count();
  }
}
