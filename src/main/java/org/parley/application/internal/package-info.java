/** The use cases' implementations: business decisions, delegating storage to domain ports. */
package org.parley.application.internal;
