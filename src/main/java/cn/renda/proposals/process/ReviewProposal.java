package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;
import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.process.Decisions.Review;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/** 审查立案: the congress office accepts (with a case number), converts a motion to a suggestion, or rejects. */
@Component(ReviewProposal.KEY)
public class ReviewProposal extends TaskContract {

  public static final String KEY = "reviewProposal";
  public static final Variable<Review> REVIEW_DECISION = Variable.choice("reviewDecision", Review.class);
  public static final Variable<String> REVIEW_COMMENT = Variable.text("reviewComment");

  private final ProposalRecords records;

  public ReviewProposal(Support support, ProposalRecords records) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.CONGRESS_OFFICE)
        .waitsIn(ProposalStatus.SUBMITTED)
        .answers(
            Answer.of(REVIEW_DECISION, "审查结论").required().retained(DECISION),
            Answer.of(REVIEW_COMMENT, "审查意见").max(ProposalRules.COMMENT_MAX)
                .requiredWhen(Condition.is(REVIEW_DECISION, Review.REJECT)).retained(FORGOTTEN),
            Answer.of(ProcessVariables.PRIORITY, "类别"))
        .views(View.SUBMISSION));
    this.records = records;
  }

  @Override
  protected void complete(Completion completion) {
    Review decision = completion.get(REVIEW_DECISION);
    String comment = completion.get(REVIEW_COMMENT);
    if (decision == Review.REJECT) {
      records.reject(completion.id(), comment, completion.actor());
      return;
    }
    Priority priority = completion.get(ProcessVariables.PRIORITY) == null
        ? Priority.NORMAL
        : completion.get(ProcessVariables.PRIORITY);
    int caseNumber = records.accept(completion.id(), decision == Review.CONVERT_TO_SUGGESTION, priority, comment,
        completion.actor());
    ProcessVariables.PRIORITY.set(completion.task(), priority);
    ProcessVariables.CASE_NUMBER.set(completion.task(), caseNumber);
    ProcessVariables.KIND.set(completion.task(), records.get(completion.id()).kind());
  }
}
