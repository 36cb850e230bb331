package org.parley.domain.model.dialog;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;

/** The dialogs. Implemented by JNoSQL at deployment; queries join as the use cases need them. */
@Repository
public interface DialogRepository extends CrudRepository<Dialog, String> {}
