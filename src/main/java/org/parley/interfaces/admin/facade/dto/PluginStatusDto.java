package org.parley.interfaces.admin.facade.dto;

import java.io.Serializable;
import java.util.List;

/**
 * A plugin as the console shows it: its descriptor (each action as "action ← intent", the
 * credentials it needs by name only), whether it is connected, and its health in the SPI's statuses
 * (empty while closed).
 */
public record PluginStatusDto(
    String name,
    String version,
    String author,
    String website,
    List<String> actions,
    String credentials,
    int intents,
    boolean connected,
    String health,
    String healthDetail)
    implements Serializable {}
