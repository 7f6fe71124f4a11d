package cn.renda.proposals.platform;

/**
 * Remembers, for the current request thread, that the engine refused the user's input. Camunda's REST API (engine-rest
 * and the API behind Tasklist) wraps any failure of a task completion into a 500; {@link RefusalStatusFilter} uses
 * this mark to answer 400 instead, with the engine's message unchanged.
 */
public final class Refusals {

  private static final ThreadLocal<Boolean> REFUSED = new ThreadLocal<>();

  private Refusals() {}

  static void mark() {
    REFUSED.set(Boolean.TRUE);
  }

  static boolean refused() {
    return Boolean.TRUE.equals(REFUSED.get());
  }

  static void clear() {
    REFUSED.remove();
  }
}
