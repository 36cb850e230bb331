package org.parley.it;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.domain.model.dialog.Dialog;
import org.parley.domain.model.dialog.DialogRepository;
import org.parley.domain.model.dialog.DialogStatus;
import org.parley.infrastructure.persistence.mongodb.MongoDocumentStore;

/**
 * Runs inside the deployed WAR: a dialog goes through JNoSQL's repository into the test store and
 * back, and the raw document shows what MongoDB really holds.
 */
@ExtendWith(ArquillianExtension.class)
class DialogStoreIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war().addClass(DialogStoreIT.class);
  }

  @Inject DialogRepository dialogs;
  @Inject MongoDocumentStore store;

  @Test
  void aDialogRoundTripsThroughJnosqlWithTimestampsStoredAsBsonDates() {
    String id = "dialog-" + UUID.randomUUID();
    Instant created = Instant.parse("2026-01-02T03:04:05.678Z");
    dialogs.insert(Dialog.open(id, "telegram-12345", "telegram", created.plusNanos(999)));

    Dialog read = dialogs.findById(id).orElseThrow();
    assertEquals(id, read.id());
    assertEquals("telegram-12345", read.customerId());
    assertEquals("telegram", read.channel());
    assertFalse(read.consent(), "every dialog starts without consent");
    assertEquals(DialogStatus.OPEN, read.status());
    assertEquals(created, read.createdAt(), "kept to the millisecond");
    assertEquals(created, read.updatedAt());
    assertEquals(0, read.messageCount());
    assertNull(read.language());

    Document raw = store.database().getCollection("dialogs").find(eq("_id", id)).first();
    assertInstanceOf(
        Date.class, raw.get("createdAt"), "a BSON date, not a string: " + raw.toJson());
    assertInstanceOf(Date.class, raw.get("updatedAt"), raw.toJson());
    assertEquals(Date.from(created), raw.getDate("createdAt"));
    assertEquals(Boolean.FALSE, raw.get("consent"));
    assertEquals("OPEN", raw.get("status"));
    assertEquals(
        Set.of(
            "_id",
            "customerId",
            "channel",
            "language",
            "consent",
            "status",
            "createdAt",
            "updatedAt",
            "messageCount"),
        raw.keySet(),
        "exactly the dialog's fields: " + raw.toJson());
    assertNull(raw.get("language"), "no language before the first message");

    dialogs.deleteById(id);
    assertFalse(dialogs.findById(id).isPresent());
    assertEquals(0, store.database().getCollection("dialogs").countDocuments(eq("_id", id)));
  }
}
