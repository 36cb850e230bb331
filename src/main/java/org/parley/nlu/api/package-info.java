/**
 * The NLU port: {@link org.parley.nlu.api.NluEngine} and its values. No implementation details
 * here.
 */
package org.parley.nlu.api;
