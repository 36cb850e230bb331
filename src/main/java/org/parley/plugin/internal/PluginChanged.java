package org.parley.plugin.internal;

/**
 * An admin connected or closed a plugin on some node. Announced to every node through {@link
 * PluginChanges}, and observed there as a CDI event by {@link PluginRegistry}.
 */
public record PluginChanged(String plugin, boolean connected) {}
