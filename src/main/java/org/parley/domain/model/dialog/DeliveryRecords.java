package org.parley.domain.model.dialog;

import java.time.Instant;
import java.util.List;

/** Whether each stored reply has reached its platform, recorded on the reply itself. */
public interface DeliveryRecords {

  /** True if the reply is recorded as delivered. */
  boolean delivered(String replyId);

  /** Records that the platform took the reply. */
  void recordDelivery(String replyId, String platformMessageId, int attempts, Instant at);

  /**
   * Records that the platform refused the reply for good ({@code reason}, e.g. WhatsApp's closed
   * 24-hour window): it is not sent again.
   */
  void recordRefusal(String replyId, String reason, int attempts, Instant at);

  /**
   * Records what the platform reported later about replies it took, each found by the platform's id
   * for it, all in one write. A status never goes back ({@code read} stays read when a late {@code
   * delivered} arrives); {@code failed} is final. Returns how many replies moved on.
   */
  long recordPlatformStatuses(List<PlatformStatus> statuses);

  /** A platform's report on a message it took: sent, delivered, read, or failed and why. */
  record PlatformStatus(
      String channel, String platformMessageId, State state, String error, Instant at) {

    /** In the order a message goes through them. */
    public enum State {
      SENT,
      DELIVERED,
      READ,
      FAILED
    }
  }
}
