package org.parley.interfaces.admin.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form sent with a view state the server does not know (the page is older than the session, or
 * the POST did not come from the page at all) changes nothing: the user is sent back to the page by
 * a GET with a message, instead of Faces' error page. Registered in faces-config.xml.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

  public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new ExpiredViewHandler(getWrapped().getExceptionHandler());
  }

  static final class ExpiredViewHandler extends ExceptionHandlerWrapper {

    ExpiredViewHandler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable thrown = events.next().getContext().getException();
        if (thrown instanceof ViewExpiredException expired) {
          events.remove();
          backTo(expired.getViewId());
        }
      }
      getWrapped().handle();
    }

    private static void backTo(String viewId) {
      FacesContext faces = FacesContext.getCurrentInstance();
      ExternalContext external = faces.getExternalContext();
      Pages.infoAfterRedirect(
          "The page had expired or was not sent by this console: nothing was changed. Please try"
              + " again.");
      try {
        external.redirect(
            external.getRequestContextPath()
                + "/admin"
                + (viewId == null ? "/dashboard.xhtml" : viewId));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      faces.responseComplete();
    }
  }
}
