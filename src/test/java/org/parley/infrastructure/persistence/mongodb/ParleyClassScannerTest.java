package org.parley.infrastructure.persistence.mongodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.DataRepository;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jnosql.mapping.NoSQLRepository;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;
import org.eclipse.jnosql.mapping.reflection.ReflectionClassScanner;
import org.junit.jupiter.api.Test;

/**
 * The declared scanner against JNoSQL's own, which scans the whole class path (here the test's:
 * Parley's classes, its libraries, the tests): every set, restricted to Parley's classes, is the
 * same. An entity or repository added without declaring it fails here.
 */
class ParleyClassScannerTest {

  private final ClassScanner declared = new ParleyClassScanner();
  private final ClassScanner scanned = new ReflectionClassScanner();

  @Test
  void declaresWhatJnosqlsOwnScanFinds() {
    assertSame(ClassScanner::entities);
    assertSame(ClassScanner::embeddables);
    assertSame(ClassScanner::repositories);
    assertSame(ClassScanner::customRepositories);
    assertSame(ClassScanner::repositoriesStandard);
    for (var kind :
        Set.of(
            DataRepository.class,
            BasicRepository.class,
            CrudRepository.class,
            NoSQLRepository.class)) {
      @SuppressWarnings("unchecked")
      Class<DataRepository<?, ?>> filter = (Class<DataRepository<?, ?>>) (Class<?>) kind;
      assertSame(scanner -> scanner.repositories(filter));
    }
    assertFalse(declared.entities().isEmpty(), "the scan found Parley's entity at all");
  }

  @Test
  void jnosqlLoadsThisOne() {
    assertInstanceOf(ParleyClassScanner.class, ClassScanner.load());
  }

  private void assertSame(Function<ClassScanner, Set<Class<?>>> set) {
    assertEquals(parleys(set.apply(scanned)), set.apply(declared));
  }

  private static Set<Class<?>> parleys(Set<Class<?>> classes) {
    return classes.stream()
        .filter(type -> type.getName().startsWith("org.parley."))
        .collect(Collectors.toUnmodifiableSet());
  }
}
