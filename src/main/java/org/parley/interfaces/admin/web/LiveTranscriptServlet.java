package org.parley.interfaces.admin.web;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.HandoffDto;
import org.parley.interfaces.admin.facade.dto.TranscriptDto;
import org.parley.interfaces.admin.facade.dto.TranscriptLineDto;
import org.parley.interfaces.rest.Problem;

/**
 * The transcript page's live feed: {@code GET /admin/live/transcript?dialog=...} answers the
 * dialog's lines and handoff as JSON, which the page's script shows without a reload. Behind the
 * console's access filter ({@code /admin/*}) and the facade's role check; and only for a dialog
 * this session opened on the transcript page, whose read is audited there, so that polling does not
 * write an audit entry every two seconds and cannot read a transcript unaudited.
 */
@WebServlet("/admin/live/transcript")
public class LiveTranscriptServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String FOLLOWABLE = LiveTranscriptServlet.class.getName() + ".dialogs";
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject AdminConsoleFacade console;

  /** Notes in the session that its admin read the dialog's transcript (audited). */
  static void mayFollow(Map<String, Object> session, String dialogId) {
    Followable dialogs = (Followable) session.computeIfAbsent(FOLLOWABLE, k -> new Followable());
    dialogs.ids.add(dialogId);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String dialog = request.getParameter("dialog");
    if (dialog == null || dialog.isBlank()) {
      problem(response, 400, "missing-parameter", "Which dialog? Name it: ?dialog=...");
      return;
    }
    HttpSession session = request.getSession(false);
    Object followable = session == null ? null : session.getAttribute(FOLLOWABLE);
    if (!(followable instanceof Followable f) || !f.ids.contains(dialog)) {
      problem(
          response,
          403,
          "not-opened",
          "Open the dialog's transcript page first: only a read that is audited may be followed.");
      return;
    }
    Optional<TranscriptDto> transcript = console.followTranscript(dialog);
    if (transcript.isEmpty()) {
      problem(response, 404, "dialog-not-found", "There is no dialog " + dialog + " any more.");
      return;
    }
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    JSON.toJson(
        new Live(
            transcript.get().lines(),
            transcript.get().dialog().messages(),
            HandoffDto.describe(console.handoff(dialog).orElse(null))),
        response.getWriter());
  }

  private static void problem(HttpServletResponse response, int status, String type, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.toJson(
        Problem.of(type, Response.Status.fromStatusCode(status), detail, null),
        response.getWriter());
  }

  /** What the page shows: the lines in order, how many messages, and the handoff's state. */
  public record Live(List<TranscriptLineDto> lines, long messages, String handoff) {}

  /** The dialogs a session may follow (serializable, as a session attribute must be). */
  static final class Followable implements Serializable {
    private static final long serialVersionUID = 1L;
    final Set<String> ids = ConcurrentHashMap.newKeySet();
  }
}
