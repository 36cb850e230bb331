package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;

/**
 * A dialog in the conversations list. {@code consent} is the state's name (CONSENTED, AWAITING,
 * UNCONSENTED), {@code consentLabel} what the screen says; times are UTC, to the second.
 */
public record DialogRowDto(
    String id,
    String customerId,
    String channel,
    String language,
    String consent,
    String consentLabel,
    String status,
    String created,
    String lastActivity,
    long messages)
    implements Serializable {}
