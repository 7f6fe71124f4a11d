package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.CO_AGENCY;
import static cn.renda.proposals.process.ProcessVariables.FEEDBACK_COMMENT;
import static cn.renda.proposals.process.ProcessVariables.REHANDLING_ROUND;
import static cn.renda.proposals.process.ProcessVariables.proposalId;
import static cn.renda.proposals.process.ProcessVariables.string;

import cn.renda.proposals.alert.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The moments the model tells people something ({@code ${notifications.…}} listeners): a task that is now theirs, a
 * rejection, a reply, a dissatisfied deputy. Reminders and overdue alerts notify through {@link Escalation}. The
 * notification is recorded in the step's transaction and sent after it commits.
 */
@Component("notifications")
public class ProcessNotifications {

  private final Notifications notifications;

  public ProcessNotifications(Notifications notifications) {
    this.notifications = notifications;
  }

  /** 签收 task created: the lead agency is told of the assignment. */
  public void assigned(DelegateTask task) {
    notifications.assigned(proposalId(task), task.getId(), task.getDueDate());
  }

  /** 协办 task created: the co-agency is asked for its opinion. */
  public void coOpinionRequested(DelegateTask task) {
    notifications.coOpinionRequested(proposalId(task), string(task, CO_AGENCY), task.getId(), task.getDueDate());
  }

  /** 不予立案: the deputies are told, with the reason. */
  public void rejected(DelegateExecution execution) {
    notifications.rejected(proposalId(execution));
  }

  /** The signed reply is delivered: the deputies receive the letter. */
  public void replyDelivered(DelegateExecution execution) {
    notifications.replyDelivered(proposalId(execution));
  }

  /** 代表评价 task created: the lead deputy (its assignee) is asked to rate the reply. */
  public void feedbackRequested(DelegateTask task) {
    notifications.feedbackRequested(proposalId(task), task.getAssignee(), task.getId(), task.getDueDate());
  }

  /** A dissatisfied feedback: the lead agency learns it and whether it handles the proposal again. */
  public void dissatisfied(DelegateExecution execution) {
    Object round = execution.getVariable(REHANDLING_ROUND);
    boolean rehandling = round == null || Integer.parseInt(String.valueOf(round)) == 0;
    notifications.dissatisfied(proposalId(execution), string(execution, FEEDBACK_COMMENT), rehandling);
  }
}
