package cn.renda.proposals.platform;

/**
 * Remembers, for the current request thread, why the engine turned down a command: the user's input was refused, or
 * someone else changed the same thing at the same moment. Camunda's REST API (engine-rest and the API behind
 * Tasklist) answers both with 500; {@link RefusalStatusFilter} uses this mark to answer 400 or 409 instead.
 */
public final class Refusals {

  enum Reason { REFUSED_INPUT, CONFLICT }

  private static final ThreadLocal<Reason> REASON = new ThreadLocal<>();

  private Refusals() {}

  static void mark(Reason reason) {
    REASON.set(reason);
  }

  static Reason reason() {
    return REASON.get();
  }

  static void clear() {
    REASON.remove();
  }
}
