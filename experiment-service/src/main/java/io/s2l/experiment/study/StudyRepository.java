package io.s2l.experiment.study;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StudyRepository extends JpaRepository<Study, UUID> {

  List<Study> findByStatusIn(Collection<StudyStatus> statuses);

  Page<Study> findAllByOrderByCreatedAtDesc(Pageable page);
}
