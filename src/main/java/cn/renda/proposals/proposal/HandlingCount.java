package cn.renda.proposals.proposal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the handling figures count, each as a condition on one row of the record (README, "Supervision in numbers").
 * A count and the list of proposals behind it use the same condition, so a number and its drill-down always agree.
 *
 * <p>A {@link Scope#LEAD} condition is about one assigned proposal and its lead agency, on the proposal's row
 * ({@code p}) with its handling facts ({@link HandlingFacts}: the first delivered letter's day and the deadline in
 * force when it was delivered, the letter delivered last, the feedback on the first letter, the extension requests,
 * a kept B promise). A {@link Scope#CO} condition is about one co-agency of the current assignment round
 * ({@code a}) and its co-opinion ({@code o}); a {@link Scope#DISPUTE} condition about an assignment round a lead
 * agency gave back.
 */
public enum HandlingCount {
  ASSIGNED(Scope.LEAD, "1 = 1"),
  REPLIED(Scope.LEAD, "p.first_reply_date IS NOT NULL"),
  REPLIED_ON_TIME(Scope.LEAD, "p.first_reply_date <= COALESCE(p.first_reply_deadline, p.first_reply_date)"),
  REPLIED_LATE(Scope.LEAD, "p.first_reply_date > p.first_reply_deadline"),
  /** The proposals the on-time rate is about: replied, or not replied and past the deadline. */
  ON_TIME_BASIS(Scope.LEAD, "(p.first_reply_date IS NOT NULL OR p.reply_due < :today)"),
  OPEN(Scope.LEAD, "p.status IN (" + owed() + ")"),
  OVERDUE(Scope.LEAD, "p.status IN (" + owed() + ") AND p.reply_due < :today"),
  EXTENSION_REQUESTED(Scope.LEAD, "p.extensions_requested > 0"),
  EXTENSION_APPROVED(Scope.LEAD, "p.extensions_approved > 0"),
  BY_FACE_TO_FACE(Scope.LEAD, method(CommunicationMethod.FACE_TO_FACE)),
  BY_MEETING(Scope.LEAD, method(CommunicationMethod.MEETING)),
  BY_VISIT(Scope.LEAD, method(CommunicationMethod.VISIT)),
  BY_PHONE(Scope.LEAD, method(CommunicationMethod.PHONE)),
  BY_WRITING(Scope.LEAD, method(CommunicationMethod.WRITTEN)),
  IN_PERSON(Scope.LEAD, "p.last_communication_method IN ("
      + quoted(CommunicationMethod.FACE_TO_FACE, CommunicationMethod.MEETING, CommunicationMethod.VISIT) + ")"),
  SATISFIED(Scope.LEAD, "p.satisfaction = " + quoted(Satisfaction.SATISFIED)),
  BASICALLY_SATISFIED(Scope.LEAD, "p.satisfaction = " + quoted(Satisfaction.BASICALLY_SATISFIED)),
  DISSATISFIED(Scope.LEAD, "p.satisfaction = " + quoted(Satisfaction.DISSATISFIED)),
  NO_RESPONSE(Scope.LEAD, "p.satisfaction = " + quoted(Satisfaction.NO_RESPONSE)),
  FIRST_ROUND_RATED(Scope.LEAD, "p.first_satisfaction IN (" + rated() + ")"),
  FIRST_ROUND_SATISFIED(Scope.LEAD, "p.first_satisfaction IN (" + satisfied() + ")"),
  FINAL_RATED(Scope.LEAD, "p.satisfaction IN (" + rated() + ")"),
  FINAL_SATISFIED(Scope.LEAD, "p.satisfaction IN (" + satisfied() + ")"),
  REHANDLED(Scope.LEAD, "p.rehandling_round > 0"),
  CLASS_A(Scope.LEAD, "p.last_classification = " + quoted(Classification.A)),
  CLASS_B(Scope.LEAD, "p.last_classification = " + quoted(Classification.B)),
  CLASS_C(Scope.LEAD, "p.last_classification = " + quoted(Classification.C)),
  CLASS_D(Scope.LEAD, "p.last_classification = " + quoted(Classification.D)),
  EVALUATED(Scope.LEAD, "p.final_classification IS NOT NULL"),
  RESOLVED(Scope.LEAD, "p.final_classification = " + quoted(Classification.A)),
  B_PROMISED(Scope.LEAD, "(p.final_classification = " + quoted(Classification.B) + " OR p.promise_kept = TRUE)"),
  B_KEPT(Scope.LEAD, "p.promise_kept = TRUE"),
  B_FOLLOW_UP_OVERDUE(Scope.LEAD, "p.status = " + quoted(ProposalStatus.FOLLOW_UP) + " AND p.progress_due < :today"),
  DISPUTED(Scope.DISPUTE, "1 = 1"),
  CO_ASSIGNED(Scope.CO, "1 = 1"),
  CO_REQUESTED(Scope.CO, "o.id IS NOT NULL"),
  CO_ON_TIME(Scope.CO, "o.status = " + quoted(CoOpinionStatus.SUBMITTED)),
  CO_LATE(Scope.CO, "o.status = " + quoted(CoOpinionStatus.LATE)),
  CO_OPEN(Scope.CO, "o.status = " + quoted(CoOpinionStatus.OPEN)),
  /** The co-opinions whose deadline is behind them: given, or late. */
  CO_DUE(Scope.CO, "o.status IN (" + quoted(CoOpinionStatus.SUBMITTED, CoOpinionStatus.LATE) + ")");

  /** Whose figure a count is. */
  public enum Scope {
    /** The lead agency of the current assignment round. */
    LEAD,
    /** A co-agency of the current assignment round. */
    CO,
    /** The lead agency of an earlier round, which gave the assignment back (退回). */
    DISPUTE
  }

  private final Scope scope;
  private final String condition;

  HandlingCount(Scope scope, String condition) {
    this.scope = scope;
    this.condition = condition;
  }

  public Scope scope() {
    return scope;
  }

  /** The condition in SQL, over the aliases of its scope; {@code :today} is the day the figures are made on. */
  String condition() {
    return condition;
  }

  /** Every count of a scope, in declaration order. */
  public static List<HandlingCount> of(Scope scope) {
    return Arrays.stream(values()).filter(count -> count.scope == scope).toList();
  }

  private static String method(CommunicationMethod method) {
    return "p.last_communication_method = " + quoted(method);
  }

  private static String owed() {
    return ProposalStatus.replyOwedStatuses().stream().map(HandlingCount::quoted).collect(Collectors.joining(", "));
  }

  private static String rated() {
    return quoted(Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED);
  }

  private static String satisfied() {
    return quoted(Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED);
  }

  private static String quoted(Enum<?>... values) {
    return Arrays.stream(values).map(value -> "'" + value.name() + "'").collect(Collectors.joining(", "));
  }
}
