/**
 * The REST interface: the JAX-RS application, problem+json errors, and (below) one package per API.
 * A resource validates, converts and delegates to an application service; no business decisions
 * here.
 */
package org.parley.interfaces.rest;
