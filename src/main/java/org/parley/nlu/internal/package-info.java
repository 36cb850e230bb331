/**
 * The embedded NLU engine (OpenNLP intent classifier, dictionary and pattern entities, language
 * detection). Reached only through {@link org.parley.nlu.api.NluEngine}.
 */
package org.parley.nlu.internal;
