/** The plugins Parley ships, one package each, and their common base. */
package org.parley.plugin.builtin;
