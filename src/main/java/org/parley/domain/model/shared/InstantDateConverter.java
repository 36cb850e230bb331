package org.parley.domain.model.shared;

import jakarta.nosql.AttributeConverter;
import java.time.Instant;
import java.util.Date;

/**
 * Stores an {@link Instant} as a {@link Date}, which the MongoDB driver writes as a BSON date.
 * Without it JNoSQL writes an ISO string, which sorts wrongly and cannot be range-queried as a
 * time. Millisecond precision, like BSON dates.
 */
public class InstantDateConverter implements AttributeConverter<Instant, Date> {

  @Override
  public Date convertToDatabaseColumn(Instant attribute) {
    return attribute == null ? null : Date.from(attribute);
  }

  @Override
  public Instant convertToEntityAttribute(Date column) {
    return column == null ? null : column.toInstant();
  }
}
