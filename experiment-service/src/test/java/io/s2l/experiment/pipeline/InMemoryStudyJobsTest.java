package io.s2l.experiment.pipeline;

import io.s2l.queue.JobState;
import java.util.UUID;

class InMemoryStudyJobsTest extends StudyJobsContract {

  final InMemoryStudyJobs jobs = new InMemoryStudyJobs();

  @Override
  StudyJobs jobs() {
    return jobs;
  }

  @Override
  void set(UUID study, String kind, String key, JobState state, String error) {
    jobs.set(study, kind, key, state, error);
  }
}
