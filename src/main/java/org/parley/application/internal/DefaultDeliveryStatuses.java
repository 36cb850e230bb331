package org.parley.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.parley.application.DeliveryStatuses;
import org.parley.domain.model.dialog.DeliveryRecords;
import org.parley.domain.model.dialog.DeliveryRecords.PlatformStatus;

/**
 * Records a callback's platform statuses in one write. A status can name a message Parley did not
 * send (another system on the same number), one whose send has not been recorded yet (a {@code
 * sent} that overtakes the API's answer), or one already past it (a late {@code delivered} after
 * {@code read}): it changes nothing, and the count is logged at FINE.
 */
@ApplicationScoped
public class DefaultDeliveryStatuses implements DeliveryStatuses {

  private static final Logger LOG = Logger.getLogger(DefaultDeliveryStatuses.class.getName());

  @Inject DeliveryRecords deliveries;

  @Override
  public void record(List<PlatformStatus> statuses) {
    long moved = deliveries.recordPlatformStatuses(statuses);
    if (moved < statuses.size()) {
      LOG.fine(
          () ->
              (statuses.size() - moved) + " of " + statuses.size() + " statuses changed no reply");
    }
  }
}
