package io.s2l.experiment.study;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Studies, for the service that submits and reads them and the tracker that moves them along. */
public interface StudyRepository extends JpaRepository<Study, UUID> {

  List<Study> findByStatusIn(Collection<StudyStatus> statuses);

  /**
   * The study, its row locked until the transaction ends ({@code SELECT ... FOR UPDATE}): whatever
   * changes a study's status and its jobs together takes this lock first, so a cancellation and a
   * reconciliation run one after the other, the second seeing what the first committed.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("SELECT s FROM Study s WHERE s.id = :id")
  Optional<Study> findLockedById(@Param("id") UUID id);
}
