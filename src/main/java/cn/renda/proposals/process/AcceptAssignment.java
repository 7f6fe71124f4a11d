package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;

import cn.renda.proposals.process.Decisions.Assignment;
import cn.renda.proposals.proposal.AssignmentRounds;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/** 签收 or 退回 by the lead agency; silence for the dispute window counts as accepted (in the model). */
@Component(AcceptAssignment.KEY)
public class AcceptAssignment extends TaskContract {

  public static final String KEY = "acceptAssignment";
  public static final Variable<Assignment> ASSIGNMENT_DECISION =
      Variable.choice("assignmentDecision", Assignment.class);
  /** The reason of a dispute; the government office sees it on its next assignment form. */
  public static final Variable<String> DISPUTE_REASON = Variable.text("disputeReason");

  private final AssignmentRounds rounds;

  public AcceptAssignment(Support support, AssignmentRounds rounds) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.LEAD_AGENCY)
        .waitsIn(ProposalStatus.AWAITING_ACCEPTANCE)
        .answers(
            Answer.of(ASSIGNMENT_DECISION, "签收或退回").required().retained(DECISION),
            Answer.of(DISPUTE_REASON, "退回理由").required().max(ProposalRules.COMMENT_MAX)
                .appliesWhen(Condition.is(ASSIGNMENT_DECISION, Assignment.DISPUTE)))
        .views(View.proposalAndAssignment(View.CO_OPINION_DUE_TEXT)));
    this.rounds = rounds;
  }

  @Override
  protected void complete(Completion completion) {
    if (completion.get(ASSIGNMENT_DECISION) == Assignment.DISPUTE) {
      rounds.dispute(completion.id(), completion.get(DISPUTE_REASON), completion.actor());
    } else {
      rounds.accept(completion.id(), false, completion.actor());
    }
  }
}
