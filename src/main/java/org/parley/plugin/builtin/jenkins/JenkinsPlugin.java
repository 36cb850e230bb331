package org.parley.plugin.builtin.jenkins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.PluginContext;
import org.parley.plugin.api.PluginHealth;
import org.parley.plugin.api.Reply;
import org.parley.plugin.builtin.ClasspathPlugin;

/**
 * Jenkins from the chat: list jobs, build one (optionally on a branch), a job's last status, stop
 * its running build. Needs {@code parley.plugins.jenkins.url}, {@code .user} and {@code
 * .api-token}.
 */
@ApplicationScoped
public class JenkinsPlugin extends ClasspathPlugin {

  static final String NOT_ANSWERING = "Jenkins is not answering right now. Please try again later.";

  @Inject JenkinsClient client;

  private volatile JenkinsServer server;

  @Override
  protected String name() {
    return "jenkins";
  }

  @Override
  public void connect(PluginContext context) {
    Optional<String> url = context.credential("jenkins.url");
    server =
        url.map(
                u ->
                    new JenkinsServer(
                        u.replaceAll("/+$", ""),
                        context.credential("jenkins.user").orElse(""),
                        context.credential("jenkins.api-token").orElse("")))
            .orElse(null);
  }

  @Override
  public PluginHealth health() {
    if (server == null) {
      return new PluginHealth(PluginHealth.Status.ERROR, "parley.plugins.jenkins.url is not set");
    }
    try {
      client.ping(server);
      return PluginHealth.success("Jenkins at " + server.url() + " answers");
    } catch (RuntimeException e) {
      return new PluginHealth(
          PluginHealth.Status.FAIL, "Jenkins at " + server.url() + " does not answer");
    }
  }

  @Override
  protected List<Reply> handle(Action action) {
    if (server == null) {
      return text("Jenkins is not configured here.");
    }
    try {
      return switch (action.name()) {
        case "jobs" -> jobs();
        case "build" -> build(action.attributes().get("job"), action.attributes().get("branch"));
        case "status" -> status(action.attributes().get("job"));
        default -> stop(action.attributes().get("job"));
      };
    } catch (JenkinsUnavailableException | FaultToleranceException e) {
      return text(NOT_ANSWERING);
    }
  }

  private List<Reply> jobs() {
    List<JenkinsClient.Job> jobs = client.jobs(server);
    if (jobs.isEmpty()) {
      return text("There are no jobs.");
    }
    return text(
        "Jobs:\n"
            + jobs.stream()
                .map(job -> "- " + job.name() + ": " + state(job.color()))
                .collect(Collectors.joining("\n")));
  }

  private List<Reply> build(String job, String branch) {
    if (!client.build(server, job, branch)) {
      return text("There is no job " + job + ".");
    }
    return text("Started a build of " + job + (branch == null ? "" : " on " + branch) + ".");
  }

  private List<Reply> status(String job) {
    return client
        .lastBuild(server, job)
        .map(
            build ->
                text(
                    job
                        + " #"
                        + build.number()
                        + ": "
                        + (build.building() ? "building" : result(build.result()))))
        .orElseGet(() -> text("There is no build of " + job + "."));
  }

  private List<Reply> stop(String job) {
    Optional<JenkinsClient.Build> last = client.lastBuild(server, job);
    if (last.isEmpty() || !last.get().building()) {
      return text("Nothing of " + job + " is running.");
    }
    client.stop(server, job, last.get().number());
    return text("Stopping " + job + " #" + last.get().number() + ".");
  }

  /** Jenkins' result in the SPI's vocabulary. */
  static String result(String result) {
    if (result == null) {
      return "building";
    }
    return switch (result.toUpperCase(Locale.ROOT)) {
      case "SUCCESS" -> "SUCCESS";
      case "FAILURE" -> "FAIL";
      case "ABORTED" -> "ABORTED";
      case "UNSTABLE" -> "REGRESSION";
      default -> "ERROR";
    };
  }

  private static String state(String color) {
    String base = color.replace("_anime", "");
    String state =
        switch (base) {
          case "blue" -> "SUCCESS";
          case "red" -> "FAIL";
          case "yellow" -> "REGRESSION";
          case "aborted" -> "ABORTED";
          default -> "not built";
        };
    return color.endsWith("_anime") ? state + ", building" : state;
  }

  private static List<Reply> text(String text) {
    return List.of(new Reply.Text(text));
  }
}
