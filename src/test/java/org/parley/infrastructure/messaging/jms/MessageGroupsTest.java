package org.parley.infrastructure.messaging.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageGroupsTest {

  @Test
  void aUserAlwaysHasTheSameGroupAndTheGroupsStayWithinTheBuckets() {
    assertEquals(
        MessageGroups.groupOf("telegram", "1111111", 1024),
        MessageGroups.groupOf("telegram", "1111111", 1024));
    Set<String> groups = new HashSet<>();
    for (int user = 0; user < 20_000; user++) {
      String group = MessageGroups.groupOf("slack", "U" + user, 64);
      int bucket = Integer.parseInt(group.substring(1));
      assertTrue(bucket >= 0 && bucket < 64, group);
      groups.add(group);
    }
    assertEquals(64, groups.size(), "20,000 users spread over every bucket");
  }

  @Test
  void theChannelIsPartOfTheUser() {
    Set<String> groups = new HashSet<>();
    for (String channel : new String[] {"telegram", "slack", "messenger", "webchat"}) {
      groups.add(MessageGroups.groupOf(channel, "42", 1_000_000));
    }
    assertEquals(4, groups.size(), "user 42 on four platforms is four users");
  }

  @Test
  void atLeastOneBucketIsNeeded() {
    assertThrows(IllegalArgumentException.class, () -> MessageGroups.groupOf("slack", "U1", 0));
  }
}
