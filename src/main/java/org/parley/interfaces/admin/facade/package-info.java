/**
 * The console's one door into the application: {@link AdminConsoleFacade} takes and returns DTOs
 * made for the screens ({@code dto}), assembled in {@code internal}. Screens never see domain
 * types.
 */
package org.parley.interfaces.admin.facade;
