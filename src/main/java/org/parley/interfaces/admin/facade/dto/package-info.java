/** What the console's screens show: plain, display-ready records; no domain types. */
package org.parley.interfaces.admin.facade.dto;
