package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.*;

import cn.renda.proposals.identity.DeputyDirectory;
import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.web.Violations;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission of a proposal: the record and its process instance come into being in one transaction, whether the
 * proposal comes through our REST API or through the start form in Tasklist.
 */
@Service("proposalSubmission")
public class ProposalSubmission {

  private final ProposalRecords records;
  private final DeputyDirectory deputies;
  private final RuntimeService runtimeService;
  private final Actors actors;

  public ProposalSubmission(
      ProposalRecords records, DeputyDirectory deputies, RuntimeService runtimeService, Actors actors) {
    this.records = records;
    this.deputies = deputies;
    this.runtimeService = runtimeService;
    this.actors = actors;
  }

  /**
   * Validates and stores the submission and starts its process (business key = the record's id). The caller's right
   * to submit for the lead deputy is checked by the caller; the process is started with the system's authority.
   *
   * @return the new record's id
   */
  @Transactional
  public String submit(NewProposal proposal, String submittedBy) {
    validate(proposal);
    String id = records.submit(proposal, submittedBy);
    ProcessInstance instance = actors.asSystem(
        () -> runtimeService.startProcessInstanceByKey(ProposalProcess.KEY, id, startVariables(id, proposal)));
    records.linkProcessInstance(id, instance.getId());
    return id;
  }

  /**
   * A process started from the Tasklist start form (the congress office registering a proposal for a deputy): the
   * submission in the form's variables becomes the record, the record's id the business key, and the submitted text
   * leaves the process variables. A process started by {@link #submit} already has its record.
   */
  public ExecutionListener getStartedInTasklist() {
    return this::registerStartedInTasklist;
  }

  void registerStartedInTasklist(DelegateExecution execution) {
    if (execution.getVariable(PROPOSAL_ID) != null) {
      return;
    }
    Violations violations = new Violations();
    ProposalKind kind = choice(execution, KIND, ProposalKind.class, violations);
    NewProposal proposal = new NewProposal(kind, string(execution, SESSION), string(execution, TITLE),
        string(execution, CONTENT), string(execution, LEAD_DEPUTY), codes(execution, CO_SIGNERS, violations));
    ProposalRules.submission(proposal, deputies::isDeputy, violations);
    violations.throwIfAny();

    String id = records.submit(proposal, actors.current());
    records.linkProcessInstance(id, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(id);
    execution.removeVariables(List.of(TITLE, CONTENT, CO_SIGNERS));
    execution.setVariables(startVariables(id, proposal));
  }

  private void validate(NewProposal proposal) {
    Violations violations = new Violations();
    ProposalRules.submission(proposal, deputies::isDeputy, violations);
    violations.throwIfAny();
  }

  private static Map<String, Object> startVariables(String id, NewProposal proposal) {
    return Map.of(
        PROPOSAL_ID, id,
        LEAD_DEPUTY, proposal.leadDeputy(),
        KIND, proposal.kind().name(),
        SESSION, proposal.session(),
        PRIORITY, Priority.NORMAL.name(),
        REHANDLING_ROUND, 0);
  }
}
