package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;
import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.proposal.DeputyCommunication;
import cn.renda.proposals.proposal.Feedbacks;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.Satisfaction;
import org.springframework.stereotype.Component;

/** 代表评价 by the lead deputy. NO_RESPONSE is what silence means (in the model); nobody chooses it. */
@Component(GiveFeedback.KEY)
public class GiveFeedback extends TaskContract {

  public static final String KEY = "giveFeedback";
  public static final Variable<Satisfaction> SATISFACTION = Variable.choice("satisfaction", Satisfaction.class);
  /** Kept until the task comes again: the lead agency's mail after a dissatisfied feedback quotes it. */
  public static final Variable<String> FEEDBACK_COMMENT = Variable.text("feedbackComment");
  /**
   * How the agency communicated with the deputy before replying, in the deputy's words; recorded beside the agency's
   * own account, where the offices see a mismatch. Optional: the workspace asks for it, Tasklist offers it.
   */
  public static final Variable<DeputyCommunication> DEPUTY_COMMUNICATION =
      Variable.choice("deputyCommunication", DeputyCommunication.class);

  private final Feedbacks feedbacks;

  public GiveFeedback(Support support, Feedbacks feedbacks) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.LEAD_DEPUTY)
        .waitsIn(ProposalStatus.AWAITING_FEEDBACK)
        .answers(
            Answer.of(SATISFACTION, "评价意见").required()
                .allowing(Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED)
                .retained(DECISION),
            Answer.of(FEEDBACK_COMMENT, "评价说明").max(ProposalRules.COMMENT_MAX)
                .requiredWhen(Condition.is(SATISFACTION, Satisfaction.DISSATISFIED)).retained(DECISION),
            Answer.of(DEPUTY_COMMUNICATION, "答复前承办单位与您的沟通方式").retained(FORGOTTEN))
        .views(View.proposalAndAssignment(View.REPLY_ISSUER_NAME))
        .shows(DraftReply.REPLY_TEXT, DraftReply.CLASSIFICATION, DraftReply.COMMUNICATION_METHOD,
            DraftReply.CONTACT_PERSON, DraftReply.CONTACT_PHONE, DraftReply.PLANNED_RESOLUTION_DATE));
    this.feedbacks = feedbacks;
  }

  @Override
  protected void complete(Completion completion) {
    feedbacks.give(completion.id(), completion.get(SATISFACTION), completion.get(FEEDBACK_COMMENT),
        completion.get(DEPUTY_COMMUNICATION), completion.actor());
  }
}
