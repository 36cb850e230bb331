package org.parley.interfaces.edge;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link RequestTargetGuard} first in the deployment's handler chain, before the servlet
 * security handlers (Elytron's BASIC mechanism would throw on a malformed header) and before path
 * matching (which needs the decoded path). Registered in {@code META-INF/services}.
 */
public class EdgeServletExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
    deployment.addInitialHandlerChainWrapper(RequestTargetGuard::new);
  }
}
