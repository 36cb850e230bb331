/** The pipeline's figures in WildFly's Micrometer registry. */
package org.parley.infrastructure.metrics;
