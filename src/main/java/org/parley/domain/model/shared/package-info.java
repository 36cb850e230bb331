/**
 * Value types and mapping helpers shared by every aggregate. Imports no JAX-RS, JMS or Faces type.
 */
package org.parley.domain.model.shared;
