package org.parley.nlu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.nlu.api.NluResult.Entity;
import org.parley.nlu.api.TrainingSet.EntityDefinition;

class EntityExtractorTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private final EntityExtractor extractor =
      new EntityExtractor(
          List.of(
              new EntityDefinition(
                  "branch",
                  Map.of(
                      "main", "main", "trunk", "main", "master", "main", "dev branch", "develop"),
                  "\\b((?:feature|release)/[A-Za-z0-9._/-]+)"),
              new EntityDefinition("job", Map.of(), "\\b([a-z0-9]+(?:[-_][a-z0-9]+)+)\\b"),
              new EntityDefinition("fruit", Map.of("apple", "apple", "äpfel", "apple"), null)),
          () -> TODAY);

  @Test
  void dictionaryWordsAndPhrasesMapToTheirValueInAnyCase() {
    assertEquals(
        List.of(
            new Entity("job", "parley-web", "parley-web", 6, 16),
            new Entity("branch", "main", "TRUNK", 20, 25)),
        extractor.extract("build parley-web on TRUNK"));
    assertEquals(
        List.of(new Entity("branch", "develop", "Dev Branch", 10, 20)),
        extractor.extract("build the Dev Branch"));
    assertEquals(
        List.of(new Entity("fruit", "apple", "Äpfel", 5, 10)), extractor.extract("zwei Äpfel"));
  }

  @Test
  void dictionaryWordsMatchWholeWordsOnly() {
    assertEquals(List.of(), extractor.extract("the maintenance window and pineapples"));
  }

  @Test
  void pluginPatternsTakeTheirFirstGroupAsTheValue() {
    assertEquals(
        List.of(
            new Entity("job", "api_build", "api_build", 6, 15),
            new Entity("branch", "feature/login-form", "feature/login-form", 26, 44)),
        extractor.extract("build api_build on branch feature/login-form"));
  }

  @Test
  void numbersDatesAndEmailAddressesAreFoundAndNormalised() {
    assertEquals(
        List.of(
            new Entity("number", "3", "3", 6, 7),
            new Entity("date", "2026-12-24", "24.12.2026", 19, 29),
            new Entity("email", "ops@example.org", "Ops@Example.org", 33, 48)),
        extractor.extract("Order 3 parcels on 24.12.2026 to Ops@Example.org"));
    assertEquals(
        List.of(
            new Entity("date", "2026-11-24", "tomorrow", 6, 14),
            new Entity("number", "2.5", "2,5", 18, 21)),
        extractor.extract("build tomorrow at 2,5"));
    assertEquals(
        List.of(new Entity("date", "2027-01-31", "2027-01-31", 3, 13)),
        extractor.extract("on 2027-01-31"));
  }

  @Test
  void impossibleDatesAreNotDates() {
    assertEquals(
        List.of(),
        extractor.extract("31.02.2026 or 2026-13-01").stream()
            .filter(entity -> entity.type().equals("date"))
            .toList());
  }

  @Test
  void theLongerOfOverlappingCandidatesWins() {
    // "master-build" is a job name (pattern) longer than the dictionary word "master" inside it
    assertEquals(
        List.of(new Entity("job", "master-build", "master-build", 4, 16)),
        extractor.extract("run master-build"));
  }
}
