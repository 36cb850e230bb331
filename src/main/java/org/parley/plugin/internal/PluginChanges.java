package org.parley.plugin.internal;

/** Announces a plugin's change to every node (the broadcast of several nodes). */
public interface PluginChanges {

  void announce(PluginChanged change);
}
