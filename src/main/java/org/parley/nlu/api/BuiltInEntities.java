package org.parley.nlu.api;

import java.util.Set;

/** Entity types every NLU engine recognises, whatever the plugins declare. */
public final class BuiltInEntities {

  public static final String NUMBER = "number";
  public static final String DATE = "date";
  public static final String EMAIL = "email";

  public static final Set<String> TYPES = Set.of(NUMBER, DATE, EMAIL);

  private BuiltInEntities() {}
}
