package org.parley.it.failing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.parley.plugin.api.Action;
import org.parley.plugin.api.Reply;
import org.parley.plugin.builtin.ClasspathPlugin;

/**
 * A third-party plugin that always fails: deployed only with PipelineIT, so "self destruct" is a
 * message whose handling throws on every delivery (a poison message).
 */
@ApplicationScoped
public class FailingPlugin extends ClasspathPlugin {

  @Override
  protected String name() {
    return "failing";
  }

  @Override
  protected List<Reply> handle(Action action) {
    throw new IllegalStateException("the failing plugin always fails");
  }
}
