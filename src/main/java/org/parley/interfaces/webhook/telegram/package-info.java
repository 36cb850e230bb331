/** The Telegram webhook: its signature check and payload parser. */
package org.parley.interfaces.webhook.telegram;
