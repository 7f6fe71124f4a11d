package cn.renda.proposals.process;

import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Instances found linked to their record: a record is linked to its instance once, for good. */
  private static final int LINKS_KEPT = 10_000;

  private final ProposalRecords records;
  private final Map<String, String> linked = new ConcurrentHashMap<>();

  ProcessRecords(ProposalRecords records) {
    this.records = records;
  }

  /** The record of the task's or execution's process instance. */
  public ProposalRecord of(VariableScope scope) {
    DelegateExecution execution = execution(scope);
    String id = businessKey(execution);
    ProposalRecord record = records.get(id);
    checkLinked(execution, id, record.processInstanceId());
    return record;
  }

  /**
   * The id of the record of the task's or execution's process instance, checked as {@link #of} without reading the
   * record: the link between a record and its instance is written once ({@link ProposalRecords#linkProcessInstance})
   * and never changes, so an instance found linked is remembered (a rolled-back link belongs to an instance that is
   * rolled back with it).
   */
  public String idOf(VariableScope scope) {
    DelegateExecution execution = execution(scope);
    String id = businessKey(execution);
    String instance = execution.getProcessInstanceId();
    if (id.equals(linked.get(instance))) {
      return id;
    }
    checkLinked(execution, id, records.processInstanceOf(id)
        .orElseThrow(() -> new NoSuchElementException("No proposal " + id)).orElse(null));
    if (linked.size() >= LINKS_KEPT) {
      linked.clear();
    }
    linked.put(instance, id);
    return id;
  }

  private static String businessKey(DelegateExecution execution) {
    String id = execution.getProcessBusinessKey();
    if (id == null) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " has no proposal");
    }
    return id;
  }

  /** Refuses an instance the record does not name as its own. */
  private static void checkLinked(DelegateExecution execution, String id, String linkedInstance) {
    if (!execution.getProcessInstanceId().equals(linkedInstance)) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
          + " is not the one of proposal " + id + " (" + linkedInstance + ")");
    }
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
