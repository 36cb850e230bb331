/**
 * Bean Validation constraints of Parley's requests that the built-in ones cannot say: a text's
 * configured length, an ISO 639-1 language. Checked by Hibernate Validator at the REST edge.
 */
package org.parley.interfaces.rest.validation;
