package org.parley.interfaces.rest.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.config.ConfigProvider;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * A text at most {@code parley.data.max-text-length} characters (code points) long; null passes.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxTextLength.Validator.class)
public @interface MaxTextLength {

  String message() default "is longer than the configured maximum";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Reads the maximum once, from MicroProfile Config. */
  class Validator implements ConstraintValidator<MaxTextLength, String> {

    private int max;

    @Override
    public void initialize(MaxTextLength constraint) {
      max =
          ConfigProvider.getConfig()
              .getOptionalValue(ConfigKeys.DATA_MAX_TEXT_LENGTH, Integer.class)
              .orElse(Integer.parseInt(ConfigKeys.DATA_MAX_TEXT_LENGTH_DEFAULT));
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null || text.codePointCount(0, text.length()) <= max) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("must not be longer than " + max + " characters")
          .addConstraintViolation();
      return false;
    }
  }
}
