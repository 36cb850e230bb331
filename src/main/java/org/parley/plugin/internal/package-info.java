/** Reading and checking plugin descriptors; the registry and router that use them. */
package org.parley.plugin.internal;
