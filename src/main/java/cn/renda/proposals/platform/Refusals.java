package cn.renda.proposals.platform;

import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.InvalidInputException;

/**
 * Remembers, for the current request thread, why the engine turned down a command: the user's input was refused, or
 * someone else changed the same thing at the same moment, or the task is no longer there (someone completed it just
 * before). Camunda's REST API (engine-rest and the API behind Tasklist) answers all of them with 500;
 * {@link RefusalStatusFilter} uses this to answer 400, 409 or 404 instead.
 */
final class Refusals {

  enum Kind { REFUSED_INPUT, CONFLICT, TASK_GONE }

  /**
   * Why a command was turned down; {@code refusal} is set for refused input, {@code conflict} for a conflict the
   * application explained (null for the engine's optimistic locking).
   */
  record Reason(Kind kind, InvalidInputException refusal, ConflictException conflict) {}

  private static final ThreadLocal<Reason> REASON = new ThreadLocal<>();

  private Refusals() {}

  static void refused(InvalidInputException refusal) {
    REASON.set(new Reason(Kind.REFUSED_INPUT, refusal, null));
  }

  static void conflict(ConflictException conflict) {
    REASON.set(new Reason(Kind.CONFLICT, null, conflict));
  }

  static void taskGone() {
    REASON.set(new Reason(Kind.TASK_GONE, null, null));
  }

  static Reason reason() {
    return REASON.get();
  }

  static void clear() {
    REASON.remove();
  }
}
