/** Plain HTTP helpers for outbound adapters; Fault Tolerance sits on the adapters that use them. */
package org.parley.infrastructure.http;
