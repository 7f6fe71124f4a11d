package cn.renda.proposals.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deadline of an open proposal that a change of the working-day calendar moves, with every place that holds it:
 * the record's field, the tasks' due dates, the timers.
 *
 * @param proposal the proposal as people name it (建议第3号《…》)
 * @param step the user task whose window it is ({@code acceptAssignment} …), or the record's deadline
 *     ({@code REPLY}, {@code CO_OPINION}, {@code PROGRESS})
 * @param stepName the step in Chinese: the task's name, or where the proposal waits for a record's deadline
 * @param deadline what moves, in Chinese (签收期限, 答复期限 …)
 * @param from the day it was due on
 * @param to the day it is due on now
 * @param internal whether the public course of the proposal leaves it out (co-opinions, supervision …)
 */
public record DeadlineMove(String proposalId, String proposal, String step, String stepName, String deadline,
    LocalDate from, LocalDate to, boolean internal, List<Change> changes) {

  /** What holds a deadline. */
  public enum Target {
    /** The record's deadline ({@code id}: REPLY, CO_OPINION, PROGRESS). */
    RECORD,
    /** A user task's due date ({@code id}: the task). */
    TASK,
    /** A timer ({@code id}: the job). */
    TIMER,
    /** A repeating timer (weekly escalation): its first due date, the later ones following it. */
    REPEATING_TIMER
  }

  /**
   * One place that holds the deadline, moved from {@code from} to {@code to}.
   *
   * @param element the model's element (task or timer id), or the record's deadline
   */
  public record Change(Target target, String id, String element, Instant from, Instant to) {}
}
