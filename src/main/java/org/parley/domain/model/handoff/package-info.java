/**
 * A conversation handed to a person: who asked (or which admin took it over), since when, and the
 * replies the person writes. The state lives in the store, beside the customer's pointer to their
 * open dialog, so every node's pipeline reads it with the turn it already reads.
 */
package org.parley.domain.model.handoff;
