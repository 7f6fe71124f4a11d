package cn.renda.proposals.platform;

import cn.renda.proposals.web.InvalidInputException;

/**
 * Remembers, for the current request thread, why the engine turned down a command: the user's input was refused, or
 * someone else changed the same thing at the same moment. Camunda's REST API (engine-rest and the API behind
 * Tasklist) answers both with 500; {@link RefusalStatusFilter} uses this to answer 400 or 409 instead.
 */
final class Refusals {

  /** Why a command was turned down: a refusal of input, or a conflict (then {@code refusal} is null). */
  record Reason(InvalidInputException refusal) {
    boolean conflict() {
      return refusal == null;
    }
  }

  private static final ThreadLocal<Reason> REASON = new ThreadLocal<>();

  private Refusals() {}

  static void refused(InvalidInputException refusal) {
    REASON.set(new Reason(refusal));
  }

  static void conflict() {
    REASON.set(new Reason(null));
  }

  static Reason reason() {
    return REASON.get();
  }

  static void clear() {
    REASON.remove();
  }
}
