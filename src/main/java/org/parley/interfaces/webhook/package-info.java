/**
 * Platform webhooks: per platform a signature verifier, a payload parser and (with the pipeline)
 * the resource. They verify on the raw bytes, parse, and hand {@link
 * org.parley.application.InboundMessage}s on; no NLU and no store access here.
 */
package org.parley.interfaces.webhook;
