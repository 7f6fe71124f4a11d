package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.*;

import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.Satisfaction;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps the engine takes without a person (service tasks and silence rules in the model, wired as
 * {@code ${proposalSteps.…}}): each keeps the record in step with the process.
 */
@Component("proposalSteps")
public class ProposalSteps {

  private final ProposalRecords records;
  private final Deadlines deadlines;
  public ProposalSteps(ProposalRecords records, Deadlines deadlines) {
    this.records = records;
    this.deadlines = deadlines;
  }

  /** The dispute window passed in silence: the assignment counts as accepted. */
  public void acceptTacitly(DelegateExecution execution) {
    records.acceptAssignment(proposalId(execution), true, Actors.SYSTEM);
    execution.setVariable(ASSIGNMENT_DECISION, Decisions.Assignment.ACCEPT.name());
  }

  public boolean hasCoAgencies(DelegateExecution execution) {
    return !coAgencies(execution).isEmpty();
  }

  /** The co-agencies of the current assignment, from the record (the multi-instance collection). */
  public List<String> coAgencies(DelegateExecution execution) {
    ProposalRecord record = records.get(proposalId(execution));
    return records.coAgencies(record.id(), record.assignmentRound());
  }

  /** Entering reply preparation (答复办理). */
  public void startDrafting(DelegateExecution execution) {
    records.startDrafting(proposalId(execution));
  }

  /** The approved extension moves the reply deadline; the preparation starts again with the new deadline. */
  public void extendDeadline(DelegateExecution execution) {
    String id = proposalId(execution);
    LocalDate until = records.approvedExtension(id);
    records.extendReplyDeadline(id, until);
  }

  /** The signed reply goes to the deputies (and to the public record when it may be published). */
  public void deliverReply(DelegateExecution execution) {
    records.deliverReply(proposalId(execution));
  }

  /** The feedback window passed in silence. */
  public void recordNoResponse(DelegateExecution execution) {
    records.feedback(proposalId(execution), Satisfaction.NO_RESPONSE, null, Actors.SYSTEM);
    execution.setVariable(SATISFACTION, Satisfaction.NO_RESPONSE.name());
  }

  /** A new handling round with a new reply deadline (1 month). */
  public void startRehandling(DelegateExecution execution) {
    int round = records.startRehandling(proposalId(execution), deadlines.rehandlingDue());
    execution.setVariable(REHANDLING_ROUND, round);
  }

  /** 跟踪落实 of a B reply: the first report is due at the planned resolution date. */
  public void startFollowUp(DelegateExecution execution) {
    String id = proposalId(execution);
    LocalDate planned = records.plannedResolutionDate(id).orElse(deadlines.today());
    records.scheduleProgressReport(id, deadlines.firstProgressDue(planned));
  }

  /** Not resolved yet: the next report is due one interval later. */
  public void scheduleNextReport(DelegateExecution execution) {
    String id = proposalId(execution);
    records.scheduleProgressReport(id, deadlines.nextProgressDue(records.get(id).progressDue()));
  }

  public void markResolved(DelegateExecution execution) {
    records.markResolved(proposalId(execution));
  }

  public void close(DelegateExecution execution) {
    records.close(proposalId(execution));
  }
}
