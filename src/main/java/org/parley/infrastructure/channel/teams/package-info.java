/** The Bot Framework's Connector API, for replies to Teams. */
package org.parley.infrastructure.channel.teams;
