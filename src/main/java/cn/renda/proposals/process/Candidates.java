package cn.renda.proposals.process;

/**
 * Who works on a user task, as the model says it ({@code camunda:candidateGroups}, or {@code camunda:assignee} for
 * the deputy's own task). Groups that depend on the proposal come from its record ({@link Routing}), never from a
 * variable a task could write.
 */
public enum Candidates {
  CONGRESS_OFFICE("congress-office", false),
  GOV_OFFICE("gov-office", false),
  /** The lead agency's handlers (经办人). */
  LEAD_AGENCY("${routing.leadAgency(execution)}", false),
  /** The lead agency's leaders, who sign off its replies. */
  LEAD_AGENCY_LEADERS("${routing.leadAgencyLeaders(execution)}", false),
  /** The handlers of the co-agency of this instance of the parallel co-opinions. */
  CO_AGENCY("${routing.coAgency(execution)}", false),
  /** The government office, and the congress office as well for key proposals. */
  SUPERVISORS("${routing.supervisors(execution)}", false),
  /** The lead deputy, as the task's assignee. */
  LEAD_DEPUTY("${routing.leadDeputy(execution)}", true),
  /** The co-signer of this instance of the parallel co-signing, as the task's assignee. */
  CO_SIGNER("${routing.coSigner(execution)}", true);

  private final String expression;
  private final boolean assignee;

  Candidates(String expression, boolean assignee) {
    this.expression = expression;
    this.assignee = assignee;
  }

  /** What the model's user task says: a group id, or the expression that gives the groups (or the assignee). */
  public String expression() {
    return expression;
  }

  /** Whether the model names the assignee (rather than candidate groups). */
  public boolean assignee() {
    return assignee;
  }
}
