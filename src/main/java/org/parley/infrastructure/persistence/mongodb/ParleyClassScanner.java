package org.parley.infrastructure.persistence.mongodb;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.DataRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jnosql.mapping.NoSQLRepository;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;
import org.parley.domain.model.dialog.Dialog;
import org.parley.domain.model.dialog.DialogRepository;

/**
 * JNoSQL's class scanner, named in {@code META-INF/services}, so that JNoSQL finds it before its
 * own. That one ({@code ClassGraphClassScanner}) reads every class the deployment can see, all of
 * WildFly's modules included, for Parley's one entity and one repository: 4.6 s of every deployment
 * and every boot. This one declares them. {@code ParleyClassScannerTest} checks that JNoSQL's own
 * scan of the same classes finds exactly these, so a new entity or repository that is not declared
 * here fails the build rather than the deployment.
 *
 * <p>The derived sets follow JNoSQL 1.1's rules: a repository of a kind is one that extends that
 * kind directly (which JNoSQL also tests as "assignable", implied); a standard repository extends
 * one of Jakarta Data's or JNoSQL's own directly.
 */
public final class ParleyClassScanner implements ClassScanner {

  private static final Set<Class<?>> ENTITIES = Set.of(Dialog.class);
  private static final Set<Class<?>> EMBEDDABLES = Set.of();
  private static final Set<Class<?>> REPOSITORIES = Set.of(DialogRepository.class);
  private static final Set<Class<?>> CUSTOM_REPOSITORIES = Set.of();

  private static final List<Class<?>> STANDARD =
      List.of(
          CrudRepository.class, BasicRepository.class, NoSQLRepository.class, DataRepository.class);

  @Override
  public Set<Class<?>> entities() {
    return ENTITIES;
  }

  @Override
  public Set<Class<?>> repositories() {
    return REPOSITORIES;
  }

  @Override
  public Set<Class<?>> embeddables() {
    return EMBEDDABLES;
  }

  @Override
  public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
    Objects.requireNonNull(filter, "filter is required");
    return REPOSITORIES.stream()
        .filter(type -> Arrays.asList(type.getInterfaces()).contains(filter))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> repositoriesStandard() {
    return REPOSITORIES.stream()
        .filter(type -> Arrays.stream(type.getInterfaces()).anyMatch(STANDARD::contains))
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<Class<?>> customRepositories() {
    return CUSTOM_REPOSITORIES;
  }
}
