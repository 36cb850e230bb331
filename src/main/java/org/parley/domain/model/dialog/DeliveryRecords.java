package org.parley.domain.model.dialog;

import java.time.Instant;

/** Whether each stored reply has reached its platform, recorded on the reply itself. */
public interface DeliveryRecords {

  /** True if the reply is recorded as delivered. */
  boolean delivered(String replyId);

  /** Records that the platform took the reply. */
  void recordDelivery(String replyId, String platformMessageId, int attempts, Instant at);
}
