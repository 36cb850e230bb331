/** The Messenger webhook: its signature check and payload parser. */
package org.parley.interfaces.webhook.messenger;
