/** The web chat: sessions, messages, replies, the event stream and the page. */
package org.parley.interfaces.rest.chat;
