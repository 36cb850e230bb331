package org.parley.interfaces.rest.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.parley.domain.model.shared.LanguageCode;

/** An ISO 639-1 language code in any case ({@code EN}, {@code de}); null passes. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Language.Validator.class)
public @interface Language {

  String message() default "must be an ISO 639-1 code such as EN or de";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the code against the JDK's list of ISO 639-1 languages. */
  class Validator implements ConstraintValidator<Language, String> {
    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
      return code == null || LanguageCode.normalize(code).isPresent();
    }
  }
}
