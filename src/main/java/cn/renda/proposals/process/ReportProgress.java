package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;

import cn.renda.proposals.proposal.ProgressReports;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/** 跟踪落实: the lead agency reports progress on a B reply's promise, and whether it is kept. */
@Component(ReportProgress.KEY)
public class ReportProgress extends TaskContract {

  public static final String KEY = "reportProgress";
  public static final Variable<String> PROGRESS_REPORT = Variable.text("progressReport");
  public static final Variable<Boolean> RESOLVED = Variable.flag("resolved");

  private final ProgressReports reports;

  public ReportProgress(Support support, ProgressReports reports) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.LEAD_AGENCY)
        .waitsIn(ProposalStatus.FOLLOW_UP)
        .answers(
            Answer.of(PROGRESS_REPORT, "落实情况").required().max(ProposalRules.OPINION_MAX).retained(DECISION),
            Answer.of(RESOLVED, "问题已解决").retained(DECISION))
        .views(View.proposalAndAssignment(View.PROGRESS_HISTORY))
        .shows(DraftReply.PLANNED_RESOLUTION_DATE));
    this.reports = reports;
  }

  @Override
  protected void complete(Completion completion) {
    boolean resolved = Boolean.TRUE.equals(completion.get(RESOLVED));
    reports.report(completion.id(), completion.get(PROGRESS_REPORT), resolved, completion.actor());
    // the model's "问题已解决？" reads a yes or a no, never nothing
    RESOLVED.set(completion.task(), resolved);
  }
}
