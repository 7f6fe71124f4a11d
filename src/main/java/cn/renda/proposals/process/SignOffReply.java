package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;
import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.process.Decisions.SignOff;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.Replies;
import org.springframework.stereotype.Component;

/** 签发 by the lead agency's leader, or a return for changes with a comment the handler will see. */
@Component(SignOffReply.KEY)
public class SignOffReply extends TaskContract {

  public static final String KEY = "signOffReply";
  public static final Variable<SignOff> SIGN_OFF_DECISION = Variable.choice("signOffDecision", SignOff.class);
  public static final Variable<String> SIGN_OFF_COMMENT = Variable.text("signOffComment");

  private final Replies replies;

  public SignOffReply(Support support, Replies replies) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.LEAD_AGENCY_LEADERS)
        .waitsIn(ProposalStatus.SIGN_OFF)
        .answers(
            Answer.of(SIGN_OFF_DECISION, "签发结论").required().retained(DECISION),
            Answer.of(SIGN_OFF_COMMENT, "退回意见").required().max(ProposalRules.COMMENT_MAX)
                .appliesWhen(Condition.is(SIGN_OFF_DECISION, SignOff.RETURN)).retained(FORGOTTEN))
        .views(View.proposalAndAssignment(View.REPLY_ISSUER_NAME, View.CO_OPINIONS_SUMMARY))
        .shows(DraftReply.REPLY_TEXT, DraftReply.CLASSIFICATION, DraftReply.COMMUNICATION_METHOD,
            DraftReply.CONTACT_PERSON, DraftReply.CONTACT_PHONE, DraftReply.PLANNED_RESOLUTION_DATE,
            DraftReply.PUBLISHABLE));
    this.replies = replies;
  }

  @Override
  protected void complete(Completion completion) {
    replies.signOff(completion.id(), completion.get(SIGN_OFF_DECISION) == SignOff.APPROVE,
        completion.get(SIGN_OFF_COMMENT), completion.actor());
  }
}
