package io.s2l.worker.trainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trainer and everything it started: the members of its process group (Linux, when it has a group
 * of its own) and its descendants. Descendants are remembered as they are seen, since a child whose
 * parent died is re-parented and is no longer anyone's descendant; group members are found in
 * {@code /proc} however they were re-parented.
 */
final class ProcessTree {

  private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);
  private static final long OWN_GROUP =
      ProcStat.of(ProcessHandle.current().pid()).map(ProcStat::group).orElse(-1L);

  private final Map<Long, ProcessHandle> known = new LinkedHashMap<>();
  private final long group;

  /**
   * @param leader the trainer, or null when it is gone
   * @param group its process group, or a non-positive value when it has none of its own
   */
  ProcessTree(ProcessHandle leader, long group) {
    // Never the worker's own group: signalling it would kill the worker.
    this.group = group == OWN_GROUP ? -1 : group;
    if (leader != null) {
      known.put(leader.pid(), leader);
    }
  }

  /** The live processes of the tree, as far as can be seen now. */
  List<ProcessHandle> alive() {
    for (ProcessHandle p : new ArrayList<>(known.values())) {
      if (live(p)) {
        p.descendants().forEach(d -> known.putIfAbsent(d.pid(), d));
      }
    }
    if (group > 0) {
      for (ProcStat member : ProcStat.all()) {
        if (member.group() == group && member.alive()) {
          ProcessHandle.of(member.pid()).ifPresent(h -> known.putIfAbsent(h.pid(), h));
        }
      }
    }
    return known.values().stream().filter(ProcessTree::live).toList();
  }

  /**
   * Ends the tree: SIGTERM to every process, again to any that appears, then SIGKILL to whatever
   * still lives after {@code grace}. Returns once none is alive (or SIGKILL was sent many times).
   */
  void kill(Duration grace) {
    Set<Long> terminated = new HashSet<>();
    long until = System.nanoTime() + grace.toNanos();
    while (true) {
      List<ProcessHandle> alive = alive();
      if (alive.isEmpty()) {
        return;
      }
      for (ProcessHandle p : alive) {
        if (terminated.add(p.pid())) {
          p.destroy();
        }
      }
      if (System.nanoTime() >= until) {
        break;
      }
      pause(50);
    }
    for (int round = 0; round < 100; round++) {
      List<ProcessHandle> alive = alive();
      if (alive.isEmpty()) {
        return;
      }
      alive.forEach(ProcessHandle::destroyForcibly);
      pause(20);
    }
    log.warn(
        "processes {} of a trainer survived SIGKILL",
        alive().stream().map(ProcessHandle::pid).toList());
  }

  /** Alive by Java's account (same pid and start time) and not a zombie. */
  private static boolean live(ProcessHandle p) {
    return p.isAlive() && ProcStat.of(p.pid()).map(ProcStat::alive).orElse(!ProcStat.available());
  }

  /** Sleeps even when interrupted: killing the tree must finish; the interrupt is kept. */
  private static void pause(long millis) {
    boolean interrupted = Thread.interrupted();
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
