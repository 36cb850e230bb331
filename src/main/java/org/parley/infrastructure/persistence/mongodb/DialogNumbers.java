package org.parley.infrastructure.persistence.mongodb;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Inserting a message under the next number of its dialog. The number comes from the dialog's
 * {@code lastSeq}, counted up by the caller's update, and {@code (dialogId, seq)} is unique. Two
 * keys can then refuse the insert: the message's id (the same message, stored already) and its
 * number. A number taken by another message happens on a store whose counter is not atomic under
 * concurrent writers (the embedded store's findOneAndUpdate is not); it is drawn again, so it never
 * passes for "stored already" while nothing was stored.
 */
final class DialogNumbers {

  /** How often a message is given a new number when the one drawn is taken. */
  static final int MAX_ATTEMPTS = 10;

  /** What became of the insert. */
  enum Outcome {
    STORED,
    ALREADY_STORED,
    NO_DIALOG
  }

  /** The insert's outcome and the dialog as the last number was drawn (null: no dialog). */
  record Numbered(Outcome outcome, Document dialog) {}

  private DialogNumbers() {}

  /**
   * Draws a number ({@code draw}: counts the dialog's messageCount and lastSeq up, returns the
   * dialog after the update, or null when there is none) and inserts {@code message.apply(dialog)}
   * under {@code messageId}; on a refusal the count is given back (lastSeq stays: a number is never
   * handed out twice).
   */
  static Numbered insert(
      MongoDatabase database,
      String dialogId,
      String messageId,
      Supplier<Document> draw,
      Function<Document, Document> message) {
    for (int attempt = 1; ; attempt++) {
      Document dialog = draw.get();
      if (dialog == null) {
        return new Numbered(Outcome.NO_DIALOG, null);
      }
      try {
        database.getCollection(DialogDocuments.MESSAGES).insertOne(message.apply(dialog));
        return new Numbered(Outcome.STORED, dialog);
      } catch (RuntimeException e) {
        database
            .getCollection(DialogDocuments.DIALOGS)
            .updateOne(eq("_id", dialogId), Updates.inc(DialogDocuments.MESSAGE_COUNT, -1L));
        if (!MongoDialogStore.isDuplicateKey(e)) {
          throw e;
        }
        if (database.getCollection(DialogDocuments.MESSAGES).countDocuments(eq("_id", messageId))
            > 0) {
          return new Numbered(Outcome.ALREADY_STORED, dialog);
        }
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
