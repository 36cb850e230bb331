/**
 * The facade's implementation: it calls the application's services and the domain's read ports,
 * audits what admins do, and turns results into DTOs through the assemblers.
 */
package org.parley.interfaces.admin.facade.internal;
