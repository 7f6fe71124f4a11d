package cn.renda.proposals.process;

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
  private final ProcessRecords processRecords;

  public ProcessNotifications(Notifications notifications, ProcessRecords processRecords) {
    this.notifications = notifications;
    this.processRecords = processRecords;
  }

  /** 附议确认 task created: its co-signer (the assignee) is asked to confirm or decline. */
  public void coSignatureRequested(DelegateTask task) {
    notifications.coSignatureRequested(processRecords.idOf(task), task.getAssignee(), task.getDueDate());
  }

  /** The co-signing left a motion short of ten deputies: its lead deputy (the assignee) chooses. */
  public void shortOfCoSigners(DelegateTask task) {
    notifications.shortOfCoSigners(processRecords.idOf(task), task.getDueDate());
  }

  /** 撤回: the co-signers who stood behind the proposal, or had not answered yet, learn it. */
  public void withdrawn(DelegateExecution execution) {
    withdrawn(processRecords.idOf(execution));
  }

  /** The same, for an instance of an older model that ends without the withdrawal sub-process ({@link Withdrawal}). */
  void withdrawn(String id) {
    notifications.withdrawn(id);
  }

  /** 签收 task created: the lead agency is told of the assignment. */
  public void assigned(DelegateTask task) {
    notifications.assigned(processRecords.idOf(task), task.getId(), task.getDueDate());
  }

  /** 协办 task created: the co-agency is asked for its opinion. */
  public void coOpinionRequested(DelegateTask task) {
    notifications.coOpinionRequested(processRecords.idOf(task), ProcessVariables.CO_AGENCY.get(task), task.getId(),
        task.getDueDate());
  }

  /** 不予立案: the deputies are told, with the reason. */
  public void rejected(DelegateExecution execution) {
    notifications.rejected(processRecords.idOf(execution));
  }

  /** The signed reply is delivered: the deputies receive the letter. */
  public void replyDelivered(DelegateExecution execution) {
    notifications.replyDelivered(processRecords.idOf(execution));
  }

  /** 代表评价 task created: the lead deputy (its assignee) is asked to rate the reply. */
  public void feedbackRequested(DelegateTask task) {
    notifications.feedbackRequested(processRecords.idOf(task), task.getAssignee(), task.getId(), task.getDueDate());
  }

  /** The 1.0.0 model's dissatisfied flow ({@link LegacyModel}). */
  public void dissatisfied(DelegateExecution execution) {
    LegacyModel.dissatisfied(notifications, processRecords, execution);
  }

  /** A first dissatisfied feedback (the model's "首次不满意"): the lead agency handles the proposal again. */
  public void dissatisfiedRehandling(DelegateExecution execution) {
    notifications.dissatisfied(processRecords.idOf(execution), GiveFeedback.FEEDBACK_COMMENT.get(execution), true);
  }

  /** Dissatisfied again after a rehandling (the model's path to 督办审议): the congress office reviews it. */
  public void dissatisfiedSupervised(DelegateExecution execution) {
    notifications.dissatisfied(processRecords.idOf(execution), GiveFeedback.FEEDBACK_COMMENT.get(execution), false);
  }
}
