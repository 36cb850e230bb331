/**
 * JMS: the destinations' names, producers and the message-driven consumers. Consumers unwrap a
 * message and hand it to an application service; no business decisions here.
 */
package org.parley.infrastructure.messaging.jms;
