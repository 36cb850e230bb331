package org.parley.domain.model.dialog;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Repository;
import java.util.List;

/** The messages of dialogs, read in order. Implemented by JNoSQL at deployment. */
@Repository
public interface MessageRepository extends CrudRepository<Message, String> {

  List<Message> findByDialogIdOrderBySeqAsc(String dialogId);

  List<Message> findByDialogIdIn(List<String> dialogIds);
}
