package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;
import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.proposal.ExtensionDecision;
import cn.renda.proposals.proposal.Extensions;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/** 延期审批: the government office approves or rejects the lead agency's request for more time. */
@Component(ApproveExtension.KEY)
public class ApproveExtension extends TaskContract {

  public static final String KEY = "approveExtension";
  public static final Variable<ExtensionDecision> EXTENSION_DECISION =
      Variable.choice("extensionDecision", ExtensionDecision.class);
  public static final Variable<String> EXTENSION_COMMENT = Variable.text("extensionComment");

  private final Extensions extensions;

  public ApproveExtension(Support support, Extensions extensions) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.GOV_OFFICE)
        .waitsIn(ProposalStatus.EXTENSION_REQUESTED)
        .answers(
            Answer.of(EXTENSION_DECISION, "是否批准延期").required().retained(DECISION),
            Answer.of(EXTENSION_COMMENT, "审批意见").max(ProposalRules.COMMENT_MAX)
                .requiredWhen(Condition.is(EXTENSION_DECISION, ExtensionDecision.REJECT)).retained(FORGOTTEN))
        .views(View.proposalAndAssignment(View.LATEST_REPLY_DUE_TEXT))
        .shows(DraftReply.EXTENSION_REASON, DraftReply.EXTENSION_UNTIL));
    this.extensions = extensions;
  }

  @Override
  protected void complete(Completion completion) {
    extensions.decide(completion.id(), completion.get(EXTENSION_DECISION), completion.get(EXTENSION_COMMENT),
        completion.actor());
    // the request is in the record now
    DraftReply.EXTENSION_REASON.remove(completion.task());
    DraftReply.EXTENSION_UNTIL.remove(completion.task());
  }
}
