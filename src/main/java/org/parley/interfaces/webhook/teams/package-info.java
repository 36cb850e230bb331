/** Microsoft Teams through the Bot Framework: activities authenticated by their JWT. */
package org.parley.interfaces.webhook.teams;
