/**
 * The admin console (Jakarta Faces under {@code /admin}): {@code web} holds the screens' backing
 * beans and the console's filters, {@code facade} the one door they use, which returns DTOs.
 */
package org.parley.interfaces.admin;
