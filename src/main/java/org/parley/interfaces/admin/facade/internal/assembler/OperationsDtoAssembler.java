package org.parley.interfaces.admin.facade.internal.assembler;

import org.parley.application.DeadLetters.DeadLetter;
import org.parley.domain.model.audit.AuditEntry;
import org.parley.interfaces.admin.facade.dto.AuditEntryDto;
import org.parley.interfaces.admin.facade.dto.DeadLetterDto;
import org.parley.interfaces.admin.facade.dto.PluginStatusDto;
import org.parley.plugin.api.PluginDescriptor;
import org.parley.plugin.api.PluginHealth;

/** Dead letters, plugins and audit entries into the console's rows. */
public final class OperationsDtoAssembler {

  private OperationsDtoAssembler() {}

  public static DeadLetterDto toDto(DeadLetter letter) {
    return new DeadLetterDto(
        letter.id(),
        letter.queue().name(),
        orEmpty(letter.key()),
        orEmpty(letter.channel()),
        orEmpty(letter.userId()),
        orEmpty(letter.text()),
        letter.reason() == null ? "(no failure recorded)" : letter.reason(),
        letter.attempts(),
        ConsoleTimes.format(letter.failedAt()));
  }

  /** A plugin; {@code health} is null while it is closed (a closed plugin is not asked). */
  public static PluginStatusDto toDto(
      PluginDescriptor descriptor, boolean connected, PluginHealth health) {
    return new PluginStatusDto(
        descriptor.name(),
        orEmpty(descriptor.version()),
        orEmpty(descriptor.author()),
        orEmpty(descriptor.website()),
        descriptor.routes().stream()
            .map(route -> route.action() + " \u2190 " + route.intent())
            .toList(),
        String.join(", ", descriptor.credentials()),
        descriptor.intents().size(),
        connected,
        health == null ? "CLOSED" : health.status().name(),
        health == null ? "Closed by an admin" : orEmpty(health.detail()));
  }

  public static AuditEntryDto toDto(AuditEntry entry) {
    return new AuditEntryDto(
        entry.id(),
        ConsoleTimes.format(entry.at()),
        entry.who(),
        entry.action().name(),
        orEmpty(entry.target()),
        orEmpty(entry.detail()));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
