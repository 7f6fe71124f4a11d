package cn.renda.proposals.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** The benchmark's work on several threads: each call returns when all of it is done, or throws its first failure. */
final class Parallel {

  private Parallel() {}

  /** The work for 0 … count-1, spread over the threads in turn (thread t takes t, t + threads, …). */
  static void each(int threads, int count, IntConsumer work) throws Exception {
    List<Callable<Void>> shares = new ArrayList<>();
    for (int thread = 0; thread < threads; thread++) {
      int first = thread;
      shares.add(() -> {
        for (int i = first; i < count; i += threads) {
          work.accept(i);
        }
        return null;
      });
    }
    all(shares);
  }

  /** Each task on a thread of its own, all at once. */
  static void all(List<Callable<Void>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      for (Future<Void> done : pool.invokeAll(tasks)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
