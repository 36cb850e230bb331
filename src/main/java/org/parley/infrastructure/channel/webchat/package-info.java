/** The web chat's delivery: replies kept for the browser and pushed to its open streams. */
package org.parley.infrastructure.channel.webchat;
