/**
 * Use cases as interfaces, with the exceptions they declare. Implementations live in {@code
 * internal}; no JAX-RS, JMS or Faces type here.
 */
package org.parley.application;
