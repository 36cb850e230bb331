/**
 * Remote plugins: actions served by any HTTP endpoint, declared in configuration, called with the
 * action as JSON signed with HMAC-SHA256.
 */
package org.parley.plugin.remote;
