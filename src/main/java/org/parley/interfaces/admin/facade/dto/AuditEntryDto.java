package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;

/** One line of the audit log: when (UTC), who, what, to which thing. */
public record AuditEntryDto(
    String id, String at, String who, String action, String target, String detail)
    implements Serializable {}
