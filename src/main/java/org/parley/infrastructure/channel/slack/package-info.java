/** The Slack {@code chat.postMessage} client. */
package org.parley.infrastructure.channel.slack;
