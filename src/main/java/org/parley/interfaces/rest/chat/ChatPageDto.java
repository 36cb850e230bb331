package org.parley.interfaces.rest.chat;

import java.util.List;

/** A page of replies: those after the number asked for, and the number to ask after next. */
public record ChatPageDto(List<ChatReplyDto> replies, long next) {}
