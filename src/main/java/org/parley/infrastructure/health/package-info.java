/**
 * Health checks that belong to no single adapter. Readiness of the store and broker sits beside
 * them.
 */
package org.parley.infrastructure.health;
