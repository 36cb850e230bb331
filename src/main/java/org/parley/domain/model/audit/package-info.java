/**
 * What admins did in the console (signed in, read a transcript, replayed a dead letter, erased a
 * dialog): an append-only log, for accountability. No framework types beyond the store's mapping.
 */
package org.parley.domain.model.audit;
