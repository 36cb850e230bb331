package org.parley.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CustomerIdsTest {

  private static final String URL_SAFE = "[A-Za-z0-9._-]{1,128}";

  @Test
  void aSafeUserIdIsKeptAsItIs() {
    assertEquals("telegram-12345", CustomerIds.of("telegram", "12345"));
    assertEquals("slack-U2147483697", CustomerIds.of("slack", "U2147483697"));
  }

  @Test
  void unsafeOrLongIdsBecomeUrlSafeAndStayDistinct() {
    String a = CustomerIds.of("webchat", "a/b");
    String b = CustomerIds.of("webchat", "a?b");
    assertTrue(a.matches(URL_SAFE), a);
    assertTrue(b.matches(URL_SAFE), b);
    assertNotEquals(a, b, "both become a_b, the hash keeps them apart");
    String long_ = CustomerIds.of("messenger", "9".repeat(300));
    assertTrue(long_.matches(URL_SAFE), long_);
  }
}
