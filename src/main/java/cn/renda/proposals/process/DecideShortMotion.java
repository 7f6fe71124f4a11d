package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;
import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.process.Decisions.ShortMotion;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/**
 * The co-signing left a motion short of ten deputies: its lead deputy submits it as a suggestion (which goes on with
 * whoever confirmed) or withdraws it.
 */
@Component(DecideShortMotion.KEY)
public class DecideShortMotion extends TaskContract {

  public static final String KEY = "decideShortMotion";
  public static final Variable<ShortMotion> SHORT_MOTION_DECISION =
      Variable.choice("shortMotionDecision", ShortMotion.class);
  public static final Variable<String> WITHDRAWAL_REASON = Variable.text("withdrawalReason");

  private final ProposalRecords records;

  public DecideShortMotion(Support support, ProposalRecords records) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.LEAD_DEPUTY)
        .waitsIn(ProposalStatus.SHORT_OF_CO_SIGNERS)
        .answers(
            Answer.of(SHORT_MOTION_DECISION, "处理方式").required().retained(DECISION),
            Answer.of(WITHDRAWAL_REASON, "撤回理由").max(ProposalRules.COMMENT_MAX)
                .requiredWhen(Condition.is(SHORT_MOTION_DECISION, ShortMotion.WITHDRAW)).retained(FORGOTTEN))
        .views(View.SUBMISSION));
    this.records = records;
  }

  @Override
  protected void complete(Completion completion) {
    if (completion.get(SHORT_MOTION_DECISION) == ShortMotion.WITHDRAW) {
      records.withdraw(completion.id(), completion.get(WITHDRAWAL_REASON), completion.actor());
    } else {
      records.submitAsSuggestion(completion.id(), completion.actor());
      ProcessVariables.KIND.set(completion.task(), records.get(completion.id()).kind());
    }
  }
}
