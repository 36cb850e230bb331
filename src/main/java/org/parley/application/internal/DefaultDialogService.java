package org.parley.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.DeadLetters;
import org.parley.application.DialogService;
import org.parley.application.InvalidInputException;
import org.parley.application.UnknownDialogException;
import org.parley.domain.model.dialog.Appended;
import org.parley.domain.model.dialog.DialogPage;
import org.parley.domain.model.dialog.DialogQuery;
import org.parley.domain.model.dialog.DialogStore;
import org.parley.domain.model.dialog.Erased;
import org.parley.domain.model.dialog.NewMessage;
import org.parley.domain.model.dialog.Transcript;
import org.parley.domain.model.shared.LanguageCode;
import org.parley.infrastructure.config.ConfigKeys;

@ApplicationScoped
public class DefaultDialogService implements DialogService {

  private static final Logger LOG = Logger.getLogger(DefaultDialogService.class.getName());

  /** URL-safe, and not a dot-segment ("." or ".."), which a client would remove from a path. */
  private static final Pattern ID = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,128}");

  private static final Pattern REQUEST_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  static final String DATA_API_CHANNEL = "data-api";
  static final int MAX_PAGE_SIZE = 100;

  @Inject DialogStore store;
  @Inject DeadLetters deadLetters;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DATA_MAX_TEXT_LENGTH,
      defaultValue = ConfigKeys.DATA_MAX_TEXT_LENGTH_DEFAULT)
  int maxTextLength;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.RETENTION_UNCONSENTED,
      defaultValue = ConfigKeys.RETENTION_UNCONSENTED_DEFAULT)
  Duration retention;

  @Override
  public Recorded record(
      String customerId, String dialogId, String text, String language, String requestKey) {
    requireId("customerId", customerId);
    requireId("dialogId", dialogId);
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("text", "text must be a non-blank string");
    }
    if (text.codePointCount(0, text.length()) > maxTextLength) {
      throw new InvalidInputException(
          "text", "text must not be longer than " + maxTextLength + " characters");
    }
    String code = language(language);
    NewMessage message =
        new NewMessage(
            customerId,
            dialogId,
            DATA_API_CHANNEL,
            text,
            code,
            requestKey(requestKey),
            Instant.now());
    Appended outcome = store.append(message);
    Transcript transcript =
        store.transcript(dialogId).orElseThrow(() -> new UnknownDialogException(dialogId));
    return new Recorded(outcome, transcript);
  }

  @Override
  public void consent(String dialogId, boolean granted) {
    requireId("dialogId", dialogId);
    if (granted) {
      if (!store.grantConsent(dialogId)) {
        throw new UnknownDialogException(dialogId);
      }
      return;
    }
    Transcript transcript =
        store.transcript(dialogId).orElseThrow(() -> new UnknownDialogException(dialogId));
    eraseDeadLetters(List.of(store.erase(transcript.dialog().customerId(), dialogId)));
  }

  @Override
  public Optional<Transcript> consented(String customerId, String dialogId) {
    requireId("customerId", customerId);
    requireId("dialogId", dialogId);
    return store
        .transcript(dialogId)
        .filter(transcript -> transcript.dialog().consent())
        .filter(transcript -> transcript.dialog().customerId().equals(customerId));
  }

  @Override
  public DialogPage search(String language, String customerId, int page, int size) {
    if (page < 1) {
      throw new InvalidInputException("page", "page must be 1 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("size", "size must be from 1 to " + MAX_PAGE_SIZE);
    }
    Optional<String> customer = Optional.ofNullable(customerId);
    customer.ifPresent(id -> requireId("customerId", id));
    Optional<String> code = Optional.ofNullable(language).map(DefaultDialogService::language);
    return store.consentedDialogs(new DialogQuery(code, customer, page, size));
  }

  @Override
  public boolean erase(String customerId, String dialogId) {
    requireId("customerId", customerId);
    requireId("dialogId", dialogId);
    Erased erased = store.erase(customerId, dialogId);
    eraseDeadLetters(List.of(erased));
    return !erased.nothing();
  }

  @Override
  public boolean eraseCustomer(String customerId) {
    requireId("customerId", customerId);
    Erased erased = store.eraseCustomer(customerId);
    eraseDeadLetters(List.of(erased));
    return !erased.nothing();
  }

  @Override
  public long purgeExpiredUnconsented() {
    Instant cutoff = Instant.now().minus(retention);
    List<Erased> erased = store.purgeUnconsentedCreatedBefore(cutoff);
    eraseDeadLetters(erased);
    long purged = erased.size();
    LOG.log(
        Level.INFO,
        "Purged {0} unconsented dialog(s) created before {1}",
        new Object[] {purged, cutoff});
    return purged;
  }

  /**
   * The last step of every erasure: the copies outside the store, on the dead-letter queues. The
   * store's part is done by then; if the broker cannot be searched the erasure still stands, and
   * the warning names no customer data (an admin can erase the letters from the console).
   */
  private void eraseDeadLetters(List<Erased> erased) {
    try {
      deadLetters.erase(erased);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The dead letters of {0} erasure(s) could not be erased: {1}",
          new Object[] {erased.size(), e.getClass().getSimpleName()});
    }
  }

  private static void requireId(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new InvalidInputException(
          field,
          field
              + " must be 1 to 128 characters of A-Z, a-z, 0-9, '.', '_' or '-', and not . or ..");
    }
  }

  private static String language(String language) {
    if (language == null) {
      throw new InvalidInputException("language", "language is required (an ISO 639-1 code)");
    }
    return LanguageCode.normalize(language)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "language", "language must be an ISO 639-1 code such as EN or de"));
  }

  /**
   * A digest of the caller's key (bounded, no raw input in ids); null when the caller gave none.
   */
  private static String requestKey(String idempotencyKey) {
    if (idempotencyKey == null) {
      return null;
    }
    if (!REQUEST_KEY.matcher(idempotencyKey).matches()) {
      throw new InvalidInputException(
          "Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.US_ASCII));
      return "k" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
