package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.OWN_SCOPE;

import cn.renda.proposals.proposal.CoOpinions;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/** 协办意见 of one co-agency, in parallel with the others; no co-agency sees another's. */
@Component(ProvideCoOpinion.KEY)
public class ProvideCoOpinion extends TaskContract {

  public static final String KEY = "provideCoOpinion";
  public static final Variable<String> CO_OPINION = Variable.text("coOpinion");

  private final CoOpinions coOpinions;

  public ProvideCoOpinion(Support support, CoOpinions coOpinions) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.CO_AGENCY)
        .waitsIn(ProposalStatus.CO_OPINIONS)
        .answers(Answer.of(CO_OPINION, "协办意见").required().max(ProposalRules.OPINION_MAX).retained(OWN_SCOPE))
        .views(View.proposalAndAssignment(View.CO_OPINION_DUE_TEXT)));
    this.coOpinions = coOpinions;
  }

  @Override
  protected void complete(Completion completion) {
    String coAgency = ProcessVariables.CO_AGENCY.get(completion.task());
    coOpinions.give(completion.id(), coAgency, completion.get(CO_OPINION), completion.actor());
  }
}
