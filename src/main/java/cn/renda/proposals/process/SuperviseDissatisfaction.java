package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;
import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.process.Decisions.Supervision;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/** 督办审议: the deputy is still dissatisfied after a rehandling; the congress office closes or orders another round. */
@Component(SuperviseDissatisfaction.KEY)
public class SuperviseDissatisfaction extends TaskContract {

  public static final String KEY = "superviseDissatisfaction";
  public static final Variable<Supervision> SUPERVISION_DECISION =
      Variable.choice("supervisionDecision", Supervision.class);
  public static final Variable<String> SUPERVISION_COMMENT = Variable.text("supervisionComment");

  private final ProposalRecords records;

  public SuperviseDissatisfaction(Support support, ProposalRecords records) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.CONGRESS_OFFICE)
        .waitsIn(ProposalStatus.UNDER_SUPERVISION)
        .answers(
            Answer.of(SUPERVISION_DECISION, "督办审议结论").required().retained(DECISION),
            Answer.of(SUPERVISION_COMMENT, "审议意见").required().max(ProposalRules.COMMENT_MAX).retained(FORGOTTEN))
        .views(View.proposalAndAssignment(View.REPLY_ISSUER_NAME, View.FEEDBACK_SUMMARY))
        .shows(DraftReply.REPLY_TEXT, DraftReply.CLASSIFICATION, DraftReply.COMMUNICATION_METHOD,
            DraftReply.CONTACT_PERSON, DraftReply.CONTACT_PHONE, DraftReply.PLANNED_RESOLUTION_DATE));
    this.records = records;
  }

  @Override
  protected void complete(Completion completion) {
    records.superviseDissatisfaction(completion.id(),
        completion.get(SUPERVISION_DECISION) == Supervision.ANOTHER_ROUND, completion.get(SUPERVISION_COMMENT),
        completion.actor());
  }
}
