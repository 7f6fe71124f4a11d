package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;
import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/** 办结评定 by the congress office: the final classification (B goes on to the follow-up, in the model). */
@Component(EvaluateHandling.KEY)
public class EvaluateHandling extends TaskContract {

  public static final String KEY = "evaluateHandling";
  public static final Variable<Classification> FINAL_CLASSIFICATION =
      Variable.choice("finalClassification", Classification.class);
  public static final Variable<String> EVALUATION_COMMENT = Variable.text("evaluationComment");

  private final ProposalRecords records;

  public EvaluateHandling(Support support, ProposalRecords records) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.CONGRESS_OFFICE)
        .waitsIn(ProposalStatus.EVALUATION)
        .answers(
            Answer.of(FINAL_CLASSIFICATION, "评定类别标记").required().retained(DECISION),
            Answer.of(EVALUATION_COMMENT, "评定意见").max(ProposalRules.COMMENT_MAX).retained(FORGOTTEN))
        .views(View.proposalAndAssignment(View.REPLY_ISSUER_NAME, View.FEEDBACK_SUMMARY))
        .shows(DraftReply.REPLY_TEXT, DraftReply.CLASSIFICATION, DraftReply.COMMUNICATION_METHOD,
            DraftReply.CONTACT_PERSON, DraftReply.CONTACT_PHONE, DraftReply.PLANNED_RESOLUTION_DATE));
    this.records = records;
  }

  @Override
  protected void complete(Completion completion) {
    records.evaluate(completion.id(), completion.get(FINAL_CLASSIFICATION), completion.get(EVALUATION_COMMENT),
        completion.actor());
  }
}
