package org.parley.domain.model.dialog;

import jakarta.nosql.Column;
import jakarta.nosql.Convert;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.parley.domain.model.shared.InstantDateConverter;

/**
 * One conversation of one customer. Stored without consent first ({@link #consent()} false); the
 * user's "yes" keeps it, a "no" deletes it with all of its messages. The messages live in their own
 * collection.
 */
@Entity("dialogs")
public class Dialog {

  @Id private String id;
  @Column private String customerId;
  @Column private String channel;
  @Column private String language;
  @Column private boolean consent;
  @Column private DialogStatus status;

  @Column
  @Convert(InstantDateConverter.class)
  private Instant createdAt;

  @Column
  @Convert(InstantDateConverter.class)
  private Instant updatedAt;

  @Column private long messageCount;

  /** For the mapper. */
  protected Dialog() {}

  /**
   * A new, open dialog without consent; times are kept to the millisecond, as the store keeps them.
   */
  public static Dialog open(String id, String customerId, String channel, Instant now) {
    Dialog dialog = new Dialog();
    dialog.id = Objects.requireNonNull(id, "id");
    dialog.customerId = Objects.requireNonNull(customerId, "customerId");
    dialog.channel = channel;
    dialog.status = DialogStatus.OPEN;
    dialog.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
    dialog.updatedAt = dialog.createdAt;
    return dialog;
  }

  public String id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public String channel() {
    return channel;
  }

  public String language() {
    return language;
  }

  public boolean consent() {
    return consent;
  }

  public DialogStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long messageCount() {
    return messageCount;
  }

  @Override
  public String toString() {
    return "Dialog[" + id + ", customer " + customerId + ", consent " + consent + "]";
  }
}
