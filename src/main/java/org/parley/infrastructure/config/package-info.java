/**
 * Configuration: the one place that names Parley's MicroProfile Config keys and their defaults. No
 * logic lives here.
 */
package org.parley.infrastructure.config;
