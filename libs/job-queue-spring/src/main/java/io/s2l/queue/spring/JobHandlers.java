package io.s2l.queue.spring;

import io.s2l.queue.ClaimedJob;
import io.s2l.queue.JobContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The handlers of a process by job kind: which kinds its worker claims, and who runs each. Two
 * handlers of one kind are refused when the registry is made, at start-up, rather than one of them
 * silently never running; so is a restriction to a kind that no handler runs.
 */
public final class JobHandlers implements io.s2l.queue.JobHandler {

  private final Map<String, JobHandler> byKind = new TreeMap<>();

  public JobHandlers(Collection<? extends JobHandler> handlers) {
    this(handlers, List.of());
  }

  /**
   * The handlers of {@code only} among {@code handlers}; every handler when {@code only} is empty.
   *
   * @throws IllegalStateException when {@code only} names a kind none of {@code handlers} runs
   */
  public JobHandlers(Collection<? extends JobHandler> handlers, Collection<String> only) {
    for (JobHandler handler : handlers) {
      String kind = handler.kind();
      if (kind == null || kind.isBlank()) {
        throw new IllegalStateException(handler.getClass().getName() + " names no job kind");
      }
      JobHandler other = byKind.putIfAbsent(kind, handler);
      if (other != null) {
        throw new IllegalStateException(
            "two handlers for job kind '"
                + kind
                + "': "
                + other.getClass().getName()
                + " and "
                + handler.getClass().getName());
      }
    }
    if (!only.isEmpty()) {
      for (String kind : only) {
        if (!byKind.containsKey(kind)) {
          throw new IllegalStateException(
              QueueProperties.PREFIX
                  + ".kinds names '"
                  + kind
                  + "', which no handler of this process runs (it runs "
                  + byKind.keySet()
                  + ")");
        }
      }
      byKind.keySet().retainAll(only);
    }
  }

  /** The kinds there is a handler for, in alphabetical order. */
  public List<String> kinds() {
    return List.copyOf(byKind.keySet());
  }

  /** Runs {@code job} with the handler of its kind. */
  @Override
  public void handle(ClaimedJob job, JobContext context) throws Exception {
    JobHandler handler = byKind.get(job.kind());
    if (handler == null) {
      // the worker claims only registered kinds, so this is a job claimed by someone else's rules
      throw new IllegalStateException("no handler for job kind '" + job.kind() + "'");
    }
    handler.handle(job, context);
  }
}
