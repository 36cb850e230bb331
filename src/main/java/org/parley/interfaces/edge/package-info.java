/**
 * The HTTP edge in front of every servlet: the request target decoded strictly and malformed
 * credentials refused before the container's security runs, and the container's own error pages
 * answered as problem+json. Undertow types live here and nowhere else.
 */
package org.parley.interfaces.edge;
