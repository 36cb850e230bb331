/**
 * The Dialogflow ES adapter behind {@link org.parley.nlu.api.NluEngine}, guarded by Fault
 * Tolerance.
 */
package org.parley.nlu.dialogflow;
