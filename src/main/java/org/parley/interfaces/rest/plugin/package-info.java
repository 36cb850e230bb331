/** {@code /plugins}: the enabled plugins, their health, and direct action calls for operators. */
package org.parley.interfaces.rest.plugin;
