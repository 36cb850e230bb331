package org.parley.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.application.InvalidInputException;
import org.parley.application.UnknownDialogException;
import org.parley.domain.model.dialog.DialogOwnedByAnotherCustomerException;

/** The problem+json answer to each refusal the use cases and the edges declare. */
public final class ProblemMappers {

  private ProblemMappers() {}

  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return Problem.of("invalid-input", Response.Status.BAD_REQUEST, e.getMessage(), e.field())
          .toResponse();
    }
  }

  @Provider
  public static class RequestBody implements ExceptionMapper<RequestBodyException> {
    @Override
    public Response toResponse(RequestBodyException e) {
      return e.problem().toResponse();
    }
  }

  @Provider
  public static class UnknownDialog implements ExceptionMapper<UnknownDialogException> {
    @Override
    public Response toResponse(UnknownDialogException e) {
      return Problem.of("dialog-not-found", Response.Status.NOT_FOUND, e.getMessage(), "dialogId")
          .toResponse();
    }
  }

  @Provider
  public static class DialogOwned
      implements ExceptionMapper<DialogOwnedByAnotherCustomerException> {
    @Override
    public Response toResponse(DialogOwnedByAnotherCustomerException e) {
      return Problem.of("dialog-id-taken", Response.Status.CONFLICT, e.getMessage(), "dialogId")
          .toResponse();
    }
  }

  /** A sender over its rate limit: 429, and when to try again. */
  @Provider
  public static class RateLimited implements ExceptionMapper<RateLimitedException> {
    @Override
    public Response toResponse(RateLimitedException e) {
      return Response.fromResponse(
              Problem.of(
                      "rate-limited",
                      Response.Status.TOO_MANY_REQUESTS,
                      "Too many " + e.limited() + "; send again in " + e.retryAfterSeconds() + " s",
                      null)
                  .toResponse())
          .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
          .build();
    }
  }

  /** The queue did not take a message: 503, so the platform (or browser) retries. */
  @Provider
  public static class QueueUnavailable
      implements ExceptionMapper<org.parley.application.InboundQueue.QueueUnavailableException> {
    private static final Logger LOG = Logger.getLogger(QueueUnavailable.class.getName());

    @Override
    public Response toResponse(org.parley.application.InboundQueue.QueueUnavailableException e) {
      LOG.log(Level.WARNING, "A message was refused because the queue did not take it", e);
      return Response.fromResponse(
              Problem.of(
                      "queue-unavailable",
                      Response.Status.SERVICE_UNAVAILABLE,
                      "The message could not be queued; send it again",
                      null)
                  .toResponse())
          .header("Retry-After", "1")
          .build();
    }
  }

  /** Anything unforeseen: logged with its stack trace here, answered without one. */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
      LOG.log(Level.SEVERE, "Unexpected failure answering a request", e);
      return Problem.of(
              "internal-error",
              Response.Status.INTERNAL_SERVER_ERROR,
              "Parley could not complete the request; it has been logged",
              null)
          .toResponse();
    }
  }
}
