package org.parley.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.parley.application.DeliveryStatuses;
import org.parley.domain.model.dialog.DeliveryRecords;
import org.parley.domain.model.dialog.DeliveryRecords.PlatformStatus;

/**
 * Records platform statuses one write each, in the callback's order. A status can name a message
 * Parley did not send (another system on the same number) or one whose send has not been recorded
 * yet (a {@code sent} that overtakes the API's answer): it matches nothing and is dropped, logged
 * at FINE; the later statuses of the same message still find it.
 */
@ApplicationScoped
public class DefaultDeliveryStatuses implements DeliveryStatuses {

  private static final Logger LOG = Logger.getLogger(DefaultDeliveryStatuses.class.getName());

  @Inject DeliveryRecords deliveries;

  @Override
  public void record(List<PlatformStatus> statuses) {
    for (PlatformStatus status : statuses) {
      if (!deliveries.recordPlatformStatus(status)) {
        LOG.fine(
            () ->
                "A "
                    + status.channel()
                    + " status for "
                    + status.platformMessageId()
                    + " matched no reply of Parley's");
      }
    }
  }
}
