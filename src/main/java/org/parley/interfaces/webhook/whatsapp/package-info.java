/** The WhatsApp Cloud API's webhook: Meta's handshake and signature, messages and statuses. */
package org.parley.interfaces.webhook.whatsapp;
