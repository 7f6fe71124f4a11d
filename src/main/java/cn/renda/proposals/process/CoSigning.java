package cn.renda.proposals.process;

import cn.renda.proposals.proposal.CoSignatures;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The co-signing step of the model ({@code ${coSigning.…}}): a deputy's own submission with co-signers waits until
 * each has confirmed or declined ({@link ConfirmCoSignature}) or the window of working days closes; a motion short of
 * ten deputies then waits for its lead deputy's choice ({@link DecideShortMotion}). Submissions registered from paper
 * have nobody to ask and go straight to review.
 */
@Component("coSigning")
public class CoSigning {

  private final ProcessRecords processRecords;
  private final CoSignatures coSignatures;
  private final Deadlines deadlines;

  public CoSigning(ProcessRecords processRecords, CoSignatures coSignatures, Deadlines deadlines) {
    this.processRecords = processRecords;
    this.coSignatures = coSignatures;
    this.deadlines = deadlines;
  }

  /** Whether anyone is to be asked. */
  public boolean needed(DelegateExecution execution) {
    return coSignatures.anyPending(processRecords.idOf(execution));
  }

  /** The co-signers still to answer (the multi-instance collection). */
  public List<String> pending(DelegateExecution execution) {
    return coSignatures.pending(processRecords.idOf(execution));
  }

  /** The window opens today: its last day goes into the record. */
  public void open(DelegateExecution execution) {
    coSignatures.open(processRecords.idOf(execution), deadlines.coSigningDay());
  }

  /** Everyone answered, or the window closed: who did not answer drops out. */
  public void close(DelegateExecution execution) {
    coSignatures.close(processRecords.idOf(execution));
  }

  /** Whether the proposal goes on as it is: a suggestion always, a motion with ten deputies. */
  public boolean enough(DelegateExecution execution) {
    return coSignatures.enough(processRecords.idOf(execution));
  }
}
