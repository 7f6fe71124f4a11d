package cn.renda.proposals.bench;

import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where a lifecycle's processor time goes, single-threaded: the procedure and the bare chain of figure 1, in turns,
 * each turn printing per lifecycle the wall time, the processor time of the calling thread, of the JVM's other
 * threads by name (the JIT compilers, GC) and of the PostgreSQL processes. Not a figure with a goal: what the README's
 * notes on figure 1 quote. {@code ./mvnw test -Dtest=LifecycleCostBenchmark} (Linux: it reads {@code /proc}; with a
 * PostgreSQL server of the machine, that server's other work counts too).
 */
@IntegrationTest
class LifecycleCostBenchmark {

  private static final int TURNS = Integer.getInteger("bench.turns", 3);

  @Autowired Walk walk;
  @Autowired ProcessEngine engine;

  @Test
  void shouldPrintWhereALifecyclesProcessorTimeGoes() throws Exception {
    Throughput.deployBareChain(engine);
    Walk byInstance = new Walk(walk.driver().findingTasksByInstance());
    String session = ProcessDriver.newSession();
    Runnable procedure = () -> NationalScale.toTheEnd(byInstance,
        byInstance.driver().submitSuggestion(session, "关于海岛交通的建议"));
    Runnable bare = () -> Throughput.bareLifecycle(engine, byInstance.driver());
    for (int turn = 1; turn <= TURNS; turn++) {
      measure("bare chain, turn " + turn, 100, bare);
      measure("procedure, turn " + turn, 60, procedure);
    }
  }

  private static void measure(String label, int lifecycles, Runnable lifecycle) throws IOException {
    Map<String, Long> threadsBefore = threads(Path.of("/proc/self/task"));
    long postgresBefore = postgres();
    long callerBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < lifecycles; i++) {
      lifecycle.run();
    }
    double wall = (System.nanoTime() - start) / 1e6 / lifecycles;
    double caller = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - callerBefore) / 1e6 / lifecycles;
    double database = (postgres() - postgresBefore) / (double) lifecycles;
    StringBuilder others = new StringBuilder();
    threads(Path.of("/proc/self/task")).forEach((name, millis) -> {
      long spent = millis - threadsBefore.getOrDefault(name, 0L);
      // "java" is the kernel's name of the JVM's main thread, the calling thread here (printed on its own)
      if (spent >= lifecycles && !name.equals("java")) {
        others.append(String.format(Locale.ROOT, ", %s %.1f", name, spent / (double) lifecycles));
      }
    });
    System.out.printf(Locale.ROOT, "%s, ms per lifecycle: wall %.1f, calling thread %.1f, PostgreSQL %.1f%s%n", label,
        wall, caller, database, others);
  }

  /** Processor milliseconds of the threads under a task directory, summed by name (digits folded: GC Thread#0 …). */
  private static Map<String, Long> threads(Path tasks) throws IOException {
    Map<String, Long> byName = new TreeMap<>();
    try (Stream<Path> entries = Files.list(tasks)) {
      entries.forEach(task -> {
        String[] stat = stat(task);
        if (stat != null) {
          byName.merge(stat[0].replaceAll("\\d+", "#"), Long.parseLong(stat[1]), Long::sum);
        }
      });
    }
    return byName;
  }

  /** Processor milliseconds of every process named postgres (the embedded server's and its backends). */
  private static long postgres() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries.filter(entry -> entry.getFileName().toString().matches("\\d+"))
          .map(LifecycleCostBenchmark::stat)
          .filter(stat -> stat != null && stat[0].startsWith("postgres"))
          .mapToLong(stat -> Long.parseLong(stat[1]))
          .sum();
    }
  }

  /** Name and processor milliseconds (user and system) of a process or thread, or null when it is gone. */
  private static String[] stat(Path entry) {
    try {
      String stat = Files.readString(entry.resolve("stat"));
      String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return new String[] {name, Long.toString(ticks * 10)};
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }
}
