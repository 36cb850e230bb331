package org.parley.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentAnswerTest {

  @ParameterizedTest
  @CsvSource({
    "Yes,true",
    "yes!,true",
    "'  OK ',true",
    "ja,true",
    "Oui.,true",
    "No,false",
    "nein,false",
    "nope,false",
    "yes please keep it,",
    "maybe,",
    "'',",
    "not now,"
  })
  void yesAndNoAreRecognisedAndNothingElse(String text, Boolean expected) {
    assertEquals(
        Optional.ofNullable(expected), ConsentConversation.answerOf(text == null ? "" : text));
  }
}
