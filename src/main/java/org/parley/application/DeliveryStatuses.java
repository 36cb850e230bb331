package org.parley.application;

import java.util.List;
import org.parley.domain.model.dialog.DeliveryRecords.PlatformStatus;

/**
 * What platforms report later about the replies they took (WhatsApp's sent, delivered, read and
 * failed), recorded on the stored replies, where the console shows them.
 */
public interface DeliveryStatuses {

  /**
   * Records each status on the reply it names; a status of a message Parley did not send is counted
   * and dropped.
   */
  void record(List<PlatformStatus> statuses);
}
