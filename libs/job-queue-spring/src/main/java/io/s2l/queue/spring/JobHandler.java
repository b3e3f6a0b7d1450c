package io.s2l.queue.spring;

/**
 * Runs the jobs of one kind. Each feature contributes its handler as a bean; the {@link
 * QueueWorker} claims the kinds of all of them and hands each claimed job to the handler of its
 * kind. A handler stores its results and completes its job in one {@link CompletingTransaction};
 * any exception it throws is recorded as a failed attempt.
 */
public interface JobHandler extends io.s2l.queue.JobHandler {

  /** The job kind this handler runs, one of {@code io.s2l.study.JobKinds}. */
  String kind();
}
