/**
 * Outbound platform clients ({@link org.parley.application.ChannelClient}): one package per
 * platform, Fault Tolerance on each client (its own circuit breaker), and the HTTP they share.
 */
package org.parley.infrastructure.channel;
