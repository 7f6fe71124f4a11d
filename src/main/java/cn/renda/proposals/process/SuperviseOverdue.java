package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.Timeline;
import cn.renda.proposals.proposal.TimelineAction;
import org.springframework.stereotype.Component;

/**
 * 超期督办: what the supervisors did about an overdue reply (a call, a notice, a meeting). Raised by the overdue
 * escalation beside the agency's open work, so it names no status of its own.
 */
@Component(SuperviseOverdue.KEY)
public class SuperviseOverdue extends TaskContract {

  public static final String KEY = "superviseOverdue";
  public static final Variable<String> SUPERVISION_NOTE = Variable.text("supervisionNote");

  private final Timeline timeline;

  public SuperviseOverdue(Support support, Timeline timeline) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.SUPERVISORS)
        .answers(Answer.of(SUPERVISION_NOTE, "督办情况").required().max(ProposalRules.COMMENT_MAX).retained(FORGOTTEN))
        .views(View.proposalAndAssignment(View.OVERDUE_SUMMARY)));
    this.timeline = timeline;
  }

  @Override
  protected void complete(Completion completion) {
    timeline.add(completion.id(), completion.actor(), TimelineAction.SUPERVISED, completion.get(SUPERVISION_NOTE));
  }
}
