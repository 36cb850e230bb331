package org.parley.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The customer id of a platform user: {@code <channel>-<user id>}, URL-safe as the DataAPI's ids
 * are ({@code [A-Za-z0-9._-]}); characters outside that set become {@code _} plus a short hash of
 * the original id, so two users never share an id.
 */
public final class CustomerIds {

  private static final int MAX_USER_PART = 96;

  private CustomerIds() {}

  public static String of(String channel, String userId) {
    String safe = userId.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.equals(userId) && safe.length() <= MAX_USER_PART) {
      return channel + "-" + userId;
    }
    String shortened = safe.length() > MAX_USER_PART ? safe.substring(0, MAX_USER_PART) : safe;
    return channel + "-" + shortened + "." + hash(userId);
  }

  private static String hash(String userId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
