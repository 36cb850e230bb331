/** The Messenger Send API client. */
package org.parley.infrastructure.channel.messenger;
