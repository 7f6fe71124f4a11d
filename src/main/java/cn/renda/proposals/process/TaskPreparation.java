package cn.renda.proposals.process;

import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Prepares every user task when it is created ({@code create} listener in the model):
 *
 * <ul>
 *   <li>the task says what it is about: the case number and title follow the step's name, so a Tasklist row reads
 *       "答复拟稿：第28号 关于……的议案";
 *   <li>the answers of an earlier round of the same step are cleared ({@link ProcessVariables#ANSWERS});
 *   <li>the task gets what its form shows read-only ({@link TaskViews}).
 * </ul>
 */
@Component("taskPreparation")
public class TaskPreparation implements TaskListener {

  private static final int NAME_MAX = 255;

  private final ProposalRecords records;
  private final TaskViews views;

  public TaskPreparation(ProposalRecords records, TaskViews views) {
    this.records = records;
    this.views = views;
  }

  @Override
  public void notify(DelegateTask task) {
    ProposalRecord record = records.get(ProcessVariables.proposalId(task));
    String name = task.getName() + "：" + (record.caseNumber() == null ? "" : "第" + record.caseNumber() + "号 ")
        + record.title();
    task.setName(name.length() > NAME_MAX ? name.substring(0, NAME_MAX - 1) + "…" : name);
    clearEarlierAnswers(task);
    views.show(task, record);
  }

  private static void clearEarlierAnswers(DelegateTask task) {
    List<String> answers = ProcessVariables.ANSWERS.getOrDefault(task.getTaskDefinitionKey(), List.of());
    DelegateExecution execution = task.getExecution();
    for (String answer : answers) {
      if (ProposalProcess.PROVIDE_CO_OPINION.equals(task.getTaskDefinitionKey())) {
        // the co-agency's own scope: its answer never reaches the process or another co-agency's task
        execution.setVariableLocal(answer, null);
      } else if (execution.getProcessInstance().hasVariable(answer)) {
        execution.getProcessInstance().setVariable(answer, null);
      }
    }
  }
}
