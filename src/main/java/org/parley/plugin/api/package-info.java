/** The plugin SPI: descriptors and the contract every plugin implements. */
package org.parley.plugin.api;
