/**
 * The console's screens: backing beans that hold what a page shows and call the facade, and the
 * filters that guard {@code /admin/*}. No store or queue is touched here.
 */
package org.parley.interfaces.admin.web;
