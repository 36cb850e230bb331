package org.parley.domain.model.dialog;

import jakarta.nosql.Column;
import jakarta.nosql.Convert;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import org.parley.domain.model.shared.InstantDateConverter;

/**
 * One turn of a dialog: what the user said or what the bot answered, numbered in order by {@code
 * seq}.
 */
@Entity("messages")
public class Message {

  @Id private String id;
  @Column private String dialogId;
  @Column private String customerId;
  @Column private long seq;
  @Column private Direction direction;
  @Column private MessageType type;
  @Column private String text;
  @Column private String language;

  @Column
  @Convert(InstantDateConverter.class)
  private Instant createdAt;

  /** For the mapper. */
  protected Message() {}

  public String id() {
    return id;
  }

  public String dialogId() {
    return dialogId;
  }

  public String customerId() {
    return customerId;
  }

  public long seq() {
    return seq;
  }

  public Direction direction() {
    return direction;
  }

  public MessageType type() {
    return type;
  }

  public String text() {
    return text;
  }

  public String language() {
    return language;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Who spoke. */
  public enum Direction {
    INBOUND,
    OUTBOUND
  }

  /** What kind of message it is. */
  public enum MessageType {
    TEXT,
    IMAGE,
    LINK,
    QUICK_REPLY,
    POSTBACK,
    BUTTONS
  }
}
