/**
 * The DataAPI ({@code /data}, {@code /consents}): resources, their DTOs and the assembler.
 * Validation and the consent rules live in {@link org.parley.application.DialogService}.
 */
package org.parley.interfaces.rest.data;
