/** The WhatsApp Cloud API's messages endpoint, for replies. */
package org.parley.infrastructure.channel.whatsapp;
