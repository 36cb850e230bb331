/**
 * The dialog aggregate: a customer's conversation, its consent and its lifecycle, and its
 * repository. Imports no JAX-RS, JMS or Faces type.
 */
package org.parley.domain.model.dialog;
