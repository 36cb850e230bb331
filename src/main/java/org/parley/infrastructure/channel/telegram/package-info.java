/** The Telegram Bot API client. */
package org.parley.infrastructure.channel.telegram;
