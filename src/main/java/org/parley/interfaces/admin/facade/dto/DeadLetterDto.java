package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;

/**
 * A dead letter: its queue (INBOUND: a user's message that could not be handled; OUTBOUND: a reply
 * that could not be delivered), whose it is, what it says, why it failed and after how many tries.
 */
public record DeadLetterDto(
    String id,
    String queue,
    String key,
    String channel,
    String userId,
    String text,
    String reason,
    int attempts,
    String failedAt)
    implements Serializable {}
