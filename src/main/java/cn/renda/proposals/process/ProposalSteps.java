package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.REHANDLING_ROUND;

import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.process.Decisions.Assignment;
import cn.renda.proposals.proposal.AssignmentRounds;
import cn.renda.proposals.proposal.Extensions;
import cn.renda.proposals.proposal.Feedbacks;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.Replies;
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

  private final ProcessRecords processRecords;
  private final ProposalRecords records;
  private final AssignmentRounds rounds;
  private final Replies replies;
  private final Extensions extensions;
  private final Feedbacks feedbacks;
  private final Deadlines deadlines;

  public ProposalSteps(ProcessRecords processRecords, ProposalRecords records, AssignmentRounds rounds,
      Replies replies, Extensions extensions, Feedbacks feedbacks, Deadlines deadlines) {
    this.processRecords = processRecords;
    this.records = records;
    this.rounds = rounds;
    this.replies = replies;
    this.extensions = extensions;
    this.feedbacks = feedbacks;
    this.deadlines = deadlines;
  }

  /** The dispute window passed in silence: the assignment counts as accepted. */
  public void acceptTacitly(DelegateExecution execution) {
    rounds.accept(processRecords.idOf(execution), true, Actors.SYSTEM);
    AcceptAssignment.ASSIGNMENT_DECISION.set(execution, Assignment.ACCEPT);
  }

  public boolean hasCoAgencies(DelegateExecution execution) {
    return !coAgencies(execution).isEmpty();
  }

  /** The co-agencies of the current assignment, from the record (the multi-instance collection). */
  public List<String> coAgencies(DelegateExecution execution) {
    return rounds.currentCoAgencies(processRecords.of(execution));
  }

  /** The 1.0.0 model's start of the reply preparation ({@link LegacyModel}). */
  public void startDrafting(DelegateExecution execution) {
    LegacyModel.startDrafting(execution);
  }

  /** The approved extension moves the reply deadline; the preparation starts again with the new deadline. */
  public void extendDeadline(DelegateExecution execution) {
    extensions.extendReplyDeadline(processRecords.idOf(execution));
  }

  /** The signed reply goes to the deputies (and to the public record when it may be published). */
  public void deliverReply(DelegateExecution execution) {
    replies.deliver(processRecords.idOf(execution));
  }

  /** The feedback window passed in silence. */
  public void recordNoResponse(DelegateExecution execution) {
    feedbacks.give(processRecords.idOf(execution), Satisfaction.NO_RESPONSE, null, Actors.SYSTEM);
    GiveFeedback.SATISFACTION.set(execution, Satisfaction.NO_RESPONSE);
  }

  /** A new handling round with a new reply deadline (1 month). */
  public void startRehandling(DelegateExecution execution) {
    int round = records.startRehandling(processRecords.idOf(execution), deadlines.rehandlingDue());
    REHANDLING_ROUND.set(execution, round);
  }

  /** 跟踪落实 of a B reply: the first report is due at the planned resolution date. */
  public void startFollowUp(DelegateExecution execution) {
    String id = processRecords.idOf(execution);
    LocalDate planned = replies.plannedResolutionDate(id).orElse(deadlines.today());
    records.scheduleProgressReport(id, deadlines.firstProgressDue(planned));
  }

  /** Not resolved yet: the next report is due one interval later. */
  public void scheduleNextReport(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    records.scheduleProgressReport(record.id(), deadlines.nextProgressDue(record.progressDue()));
  }

  public void markResolved(DelegateExecution execution) {
    records.markResolved(processRecords.idOf(execution));
  }

  public void close(DelegateExecution execution) {
    records.close(processRecords.idOf(execution));
  }
}
