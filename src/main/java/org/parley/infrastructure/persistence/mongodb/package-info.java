/**
 * MongoDB-specific code only: the connection (a configured MongoDB or the embedded development
 * store), its health check, and later converters and indexes. Domain and application code never
 * import from here.
 */
package org.parley.infrastructure.persistence.mongodb;
