package cn.renda.proposals.process;

import cn.renda.proposals.identity.Groups;
import cn.renda.proposals.proposal.AssignmentRounds;
import cn.renda.proposals.proposal.CoSignatures;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalRecord;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who works on the tasks of a proposal ({@code ${routing.…}} in the model, see {@link Candidates}): read from the
 * record when the task is created.
 */
@Component("routing")
public class Routing {

  private final ProcessRecords processRecords;
  private final AssignmentRounds rounds;
  private final CoSignatures coSignatures;

  public Routing(ProcessRecords processRecords, AssignmentRounds rounds, CoSignatures coSignatures) {
    this.processRecords = processRecords;
    this.rounds = rounds;
    this.coSignatures = coSignatures;
  }

  public String leadAgency(DelegateExecution execution) {
    return Groups.agency(lead(processRecords.of(execution)));
  }

  public String leadAgencyLeaders(DelegateExecution execution) {
    return Groups.agencyLeaders(lead(processRecords.of(execution)));
  }

  /** The co-agency of this instance of the parallel co-opinions, one of the current round's. */
  public String coAgency(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    String coAgency = ProcessVariables.CO_AGENCY.get(execution);
    if (!rounds.currentCoAgencies(record).contains(coAgency)) {
      throw new IllegalStateException(coAgency + " is no co-agency of proposal " + record.id());
    }
    return Groups.agency(coAgency);
  }

  /** The co-signer of this instance of the parallel co-signing, one the record still waits for. */
  public String coSigner(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    String coSigner = ProcessVariables.CO_SIGNER.get(execution);
    if (!coSignatures.pending(record.id()).contains(coSigner)) {
      throw new IllegalStateException(coSigner + " is no pending co-signer of proposal " + record.id());
    }
    return coSigner;
  }

  public String supervisors(DelegateExecution execution) {
    return String.join(",", supervisorsOf(processRecords.of(execution)));
  }

  public String leadDeputy(DelegateExecution execution) {
    return processRecords.of(execution).leadDeputy();
  }

  /** Who supervises overdue work: the government office, and the congress office as well for key proposals. */
  public static List<String> supervisorsOf(ProposalRecord record) {
    return record.priority() == Priority.KEY
        ? List.of(Groups.GOV_OFFICE, Groups.CONGRESS_OFFICE)
        : List.of(Groups.GOV_OFFICE);
  }

  private static String lead(ProposalRecord record) {
    if (record.leadAgency() == null) {
      throw new IllegalStateException("Proposal " + record.id() + " has no lead agency yet");
    }
    return record.leadAgency();
  }
}
