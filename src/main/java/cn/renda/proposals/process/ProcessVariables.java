package cn.renda.proposals.process;

import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalKind;
import java.util.List;

/**
 * The variables of {@code proposal-handling} that belong to no single user task: the start form's fields and what the
 * system writes for the model to read. A task's own answers are declared by its contract ({@link TaskContract}).
 *
 * <p>No user writes any of these after the start: which proposal a process belongs to is its business key (checked
 * against the record, {@link ProcessRecords}), and the agencies, rounds and counters the model routes on come from
 * the record or from variables only the system writes (the engine refuses every other write, see
 * {@link cn.renda.proposals.platform.CommandGuard}).
 */
public final class ProcessVariables {

  // the start form (Tasklist): the submission, moved into the record and then removed from the process
  public static final Variable<ProposalKind> SUBMITTED_KIND = Variable.choice(NewProposal.KIND, ProposalKind.class);
  public static final Variable<String> SESSION = Variable.text(NewProposal.SESSION);
  public static final Variable<String> TITLE = Variable.text(NewProposal.TITLE);
  public static final Variable<String> CONTENT = Variable.text(NewProposal.CONTENT);
  public static final Variable<String> LEAD_DEPUTY = Variable.text(NewProposal.LEAD_DEPUTY);
  public static final Variable<List<String>> CO_SIGNERS = Variable.codes(NewProposal.CO_SIGNERS);

  /** The fields of the start form, all a start may carry. */
  public static final List<Variable<?>> START_FORM = List.of(SUBMITTED_KIND, SESSION, TITLE, CONTENT, LEAD_DEPUTY,
      CO_SIGNERS);

  // written by the system for people to find instances in Cockpit (案号, kind) and for the model to read
  public static final Variable<ProposalKind> KIND = SUBMITTED_KIND;
  public static final Variable<Integer> CASE_NUMBER = Variable.number("caseNumber");
  public static final Variable<Priority> PRIORITY = Variable.choice("priority", Priority.class);
  /** How many rehandling rounds have started (0 before the first); the model's "已重新办理过？" reads it. */
  public static final Variable<Integer> REHANDLING_ROUND = Variable.number("rehandlingRound");
  /** The co-agency of one instance of the parallel co-opinions (the multi-instance element variable). */
  public static final Variable<String> CO_AGENCY = Variable.text("coAgency");
  /** The co-signer of one instance of the parallel co-signing (附议确认). */
  public static final Variable<String> CO_SIGNER = Variable.text("coSigner");
  /** Whether this run of the overdue escalation raised a new alert (local to the escalation sub-process). */
  public static final Variable<Boolean> ALERT_RAISED = Variable.flag("alertRaised");

  private ProcessVariables() {}
}
