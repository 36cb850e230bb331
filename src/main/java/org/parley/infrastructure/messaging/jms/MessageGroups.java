package org.parley.infrastructure.messaging.jms;

/**
 * The JMS message group of a user: {@code channel:userId} hashed into a fixed number of buckets
 * ({@code parley.ordering.groups}). Artemis hands one group to one consumer at a time, so a user's
 * messages are handled in order while users run in parallel; with buckets the broker's group table
 * stays bounded however many users there are. The hash is {@link String#hashCode}, which the Java
 * language defines, so every node computes the same group.
 */
public final class MessageGroups {

  private MessageGroups() {}

  public static String groupOf(String channel, String userId, int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("parley.ordering.groups must be at least 1");
    }
    return "g" + Math.floorMod((channel + ":" + userId).hashCode(), buckets);
  }
}
