package org.parley.domain.model.dialog;

import java.time.Instant;

/**
 * A text to append to a customer's dialog. {@code requestKey} identifies the request that carries
 * it: the same key for the same dialog is stored once, however often it is sent.
 */
public record NewMessage(
    String customerId,
    String dialogId,
    String channel,
    String text,
    String language,
    String requestKey,
    Instant at) {}
