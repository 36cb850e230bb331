package org.parley.domain.model.dialog;

import java.time.Instant;

/**
 * One turn of a dialog: what the user said or what the bot answered, numbered in order by {@code
 * seq}. Read from the store by its adapter, which opens the text sealed at rest (so it is not a
 * JNoSQL entity: the mapper would hand the domain ciphertext).
 */
public class Message {

  private final String id;
  private final String dialogId;
  private final String customerId;
  private final long seq;
  private final Direction direction;
  private final MessageType type;
  private final String text;
  private final String language;
  private final Instant createdAt;

  /**
   * A stored message.
   *
   * @param id its key
   * @param dialogId its dialog
   * @param customerId whose dialog
   * @param seq its number in the dialog
   * @param direction who spoke
   * @param type what kind of message
   * @param text what was said, in plain
   * @param language its language code
   * @param createdAt when it was stored
   */
  public Message(
      String id,
      String dialogId,
      String customerId,
      long seq,
      Direction direction,
      MessageType type,
      String text,
      String language,
      Instant createdAt) {
    this.id = id;
    this.dialogId = dialogId;
    this.customerId = customerId;
    this.seq = seq;
    this.direction = direction;
    this.type = type;
    this.text = text;
    this.language = language;
    this.createdAt = createdAt;
  }

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
