/** Domain and application results into the console's DTOs, and typed filters into queries. */
package org.parley.interfaces.admin.facade.internal.assembler;
