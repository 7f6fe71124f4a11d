package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.CONTENT;
import static cn.renda.proposals.process.ProcessVariables.CO_SIGNERS;
import static cn.renda.proposals.process.ProcessVariables.LEAD_DEPUTY;
import static cn.renda.proposals.process.ProcessVariables.PRIORITY;
import static cn.renda.proposals.process.ProcessVariables.REHANDLING_ROUND;
import static cn.renda.proposals.process.ProcessVariables.SESSION;
import static cn.renda.proposals.process.ProcessVariables.SUBMITTED_KIND;
import static cn.renda.proposals.process.ProcessVariables.TITLE;

import cn.renda.proposals.identity.DeputyDirectory;
import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.PaperRegistrations;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.Violations;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission of a proposal: the record and its process instance come into being in one transaction, whether the
 * proposal comes through our REST API or through the start form in Tasklist. Either way the instance's business key
 * is the record's id and the record names the instance, once and for good.
 */
@Service("proposalSubmission")
public class ProposalSubmission {

  private final ProposalRecords records;
  private final DeputyDirectory deputies;
  private final RuntimeService runtimeService;
  private final Actors actors;
  private final PaperRegistrations paper;

  public ProposalSubmission(ProposalRecords records, DeputyDirectory deputies, RuntimeService runtimeService,
      Actors actors, PaperRegistrations paper) {
    this.paper = paper;
    this.records = records;
    this.deputies = deputies;
    this.runtimeService = runtimeService;
    this.actors = actors;
  }

  /**
   * Validates and stores the submission and starts its process (business key = the record's id; the start links
   * the two). The caller's right to submit for the lead deputy is checked by the caller; the process is started with
   * the system's authority.
   *
   * @return the new record's id
   */
  @Transactional
  public String submit(NewProposal proposal, String submittedBy) {
    validate(proposal);
    String id = records.submit(proposal, submittedBy);
    actors.asSystem(() -> runtimeService.startProcessInstanceByKey(ProposalProcess.KEY, id));
    return id;
  }

  /**
   * A submission received on paper, registered by the congress office: as {@link #submit}, and recorded as received
   * on paper (register number, co-signatures signed on paper) before its process starts, so that the process finds
   * it so from its first step.
   *
   * @return the new record's id
   */
  @Transactional
  public String submitOnPaper(NewProposal proposal, PaperRegistrations.PaperSubmission registration,
      String submittedBy) {
    validate(proposal);
    String id = records.submit(proposal, submittedBy);
    paper.register(id, proposal.session(), registration, proposal.coSigners(), submittedBy);
    actors.asSystem(() -> runtimeService.startProcessInstanceByKey(ProposalProcess.KEY, id));
    return id;
  }

  /**
   * The start of every instance ({@code start} listener of the start event). An instance started by {@link #submit}
   * carries its new record's id as business key, and only the system starts it so: the record is linked to it. An
   * instance started from the Tasklist start form (the congress office registering a proposal for a deputy) carries
   * the submission in the form's fields: they become the record, the record's id becomes the business key, and the
   * text leaves the process variables.
   */
  public ExecutionListener getStartedInTasklist() {
    return this::start;
  }

  void start(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null) {
      linkNewRecord(execution, businessKey);
      return;
    }
    Violations violations = new Violations();
    ProposalKind kind = SUBMITTED_KIND.read(execution, violations);
    NewProposal proposal = new NewProposal(kind, SESSION.read(execution, violations), TITLE.read(execution, violations),
        CONTENT.read(execution, violations), LEAD_DEPUTY.read(execution, violations),
        CO_SIGNERS.read(execution, violations));
    ProposalRules.submission(proposal, deputies::isDeputy, violations);
    violations.throwIfAny();

    String id = records.submit(proposal, actors.current());
    execution.setProcessBusinessKey(id);
    records.linkProcessInstance(id, execution.getProcessInstanceId());
    TITLE.remove(execution);
    CONTENT.remove(execution);
    CO_SIGNERS.remove(execution);
    setStartVariables(execution, records.get(id));
  }

  /** The record {@link #submit} has just stored, not yet linked to any instance; anything else is refused. */
  private void linkNewRecord(DelegateExecution execution, String id) {
    Optional<ProposalRecord> record = records.find(id);
    if (record.isEmpty() || record.get().processInstanceId() != null
        || record.get().status() != ProposalStatus.SUBMITTED) {
      throw new ConflictException("Business key " + id + " names no new proposal",
          "业务标识 " + id + " 不是一件新提交的议案建议，不能为其发起办理流程。");
    }
    records.linkProcessInstance(id, execution.getProcessInstanceId());
    setStartVariables(execution, record.get());
  }

  private void validate(NewProposal proposal) {
    Violations violations = new Violations();
    ProposalRules.submission(proposal, deputies::isDeputy, violations);
    violations.throwIfAny();
  }

  private static void setStartVariables(DelegateExecution execution, ProposalRecord record) {
    LEAD_DEPUTY.set(execution, record.leadDeputy());
    SUBMITTED_KIND.set(execution, record.kind());
    SESSION.set(execution, record.session());
    PRIORITY.set(execution, Priority.NORMAL);
    REHANDLING_ROUND.set(execution, 0);
  }

  static List<String> startFields() {
    return ProcessVariables.START_FORM.stream().map(Variable::name).toList();
  }
}
