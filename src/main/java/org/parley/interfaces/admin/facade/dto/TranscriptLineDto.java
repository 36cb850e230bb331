package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;

/**
 * One message of a transcript as the screen shows it; empty strings where nothing applies. {@code
 * speaker} is "user", "bot" or "person" (an admin answering in a handoff); {@code type} the message
 * type (text, image, link, quick reply, postback, buttons); {@code extra} a button's payload, a
 * link or image address, or the choices offered; {@code status} how handling (a user's turn) or
 * delivery (a reply) went.
 */
public record TranscriptLineDto(
    long seq,
    String speaker,
    String type,
    String text,
    String extra,
    String at,
    String intent,
    String confidence,
    String entities,
    String plugin,
    String responseTime,
    String status,
    String failure)
    implements Serializable {}
