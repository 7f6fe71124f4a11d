package cn.renda.proposals.process;

import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The record a process instance works on. It comes from what no user can change: the instance's business key (the
 * record's id, given when the instance starts), checked against the record, which names its one process instance.
 * Never from a variable: a task's candidate may write variables, not the business key.
 */
@Component
class ProcessRecords {

  private final ProposalRecords records;

  ProcessRecords(ProposalRecords records) {
    this.records = records;
  }

  /** The record of the task's or execution's process instance. */
  public ProposalRecord of(VariableScope scope) {
    DelegateExecution execution = execution(scope);
    String id = execution.getProcessBusinessKey();
    if (id == null) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " has no proposal");
    }
    ProposalRecord record = records.get(id);
    if (!execution.getProcessInstanceId().equals(record.processInstanceId())) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
          + " is not the one of proposal " + id + " (" + record.processInstanceId() + ")");
    }
    return record;
  }

  /** The id of the record of the task's or execution's process instance, checked as {@link #of}. */
  public String idOf(VariableScope scope) {
    return of(scope).id();
  }

  static DelegateExecution execution(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return task.getExecution();
    }
    if (scope instanceof DelegateExecution execution) {
      return execution;
    }
    throw new IllegalArgumentException("Neither a task nor an execution: " + scope);
  }
}
