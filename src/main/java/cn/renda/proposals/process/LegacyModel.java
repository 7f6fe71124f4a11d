package cn.renda.proposals.process;

import cn.renda.proposals.alert.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names the model of version 1.0.0 gives its listeners, for the proposals still in progress on that version: an
 * instance finishes on the version it started with, and the 1.0.0 model calls {@code ${taskPreparation}},
 * {@code ${taskCompletion.…}}, {@code ${proposalSteps.startDrafting(…)}} and {@code ${notifications.dissatisfied(…)}}.
 * Each name leads to what this version does at the same step (the task's contract, the steps, the notifications), so
 * both versions keep one behaviour. Remove this class when Cockpit shows no running instance of version 1.0.0.
 */
@Configuration(proxyBeanMethods = false)
public class LegacyModel {

  /** {@code ${taskPreparation}}: a task of the 1.0.0 model is created; its contract prepares it. */
  @Bean
  TaskListener taskPreparation(ProposalProcess process) {
    return task -> contract(process, task).notify(task);
  }

  /** {@code ${taskCompletion.review}} and the others: a task of the 1.0.0 model completes; its contract records it. */
  @Bean
  Completions taskCompletion(ProposalProcess process) {
    return new Completions(process);
  }

  private static TaskContract contract(ProposalProcess process, DelegateTask task) {
    return process.task(task.getTaskDefinitionKey())
        .orElseThrow(() -> new IllegalStateException("No contract for task " + task.getTaskDefinitionKey()));
  }

  /** The 1.0.0 model's completion listeners by their property names. */
  public static final class Completions {

    private final TaskListener completing;

    Completions(ProposalProcess process) {
      this.completing = task -> contract(process, task).notify(task);
    }

    public TaskListener getReview() {
      return completing;
    }

    public TaskListener getAssign() {
      return completing;
    }

    public TaskListener getAcceptAssignment() {
      return completing;
    }

    public TaskListener getCoOpinion() {
      return completing;
    }

    public TaskListener getDraftReply() {
      return completing;
    }

    public TaskListener getApproveExtension() {
      return completing;
    }

    public TaskListener getSignOff() {
      return completing;
    }

    public TaskListener getFeedback() {
      return completing;
    }

    public TaskListener getSuperviseDissatisfaction() {
      return completing;
    }

    public TaskListener getSuperviseOverdue() {
      return completing;
    }

    public TaskListener getEvaluate() {
      return completing;
    }

    public TaskListener getProgress() {
      return completing;
    }
  }

  /**
   * The 1.0.0 model's start listener of the reply preparation and its notification on the dissatisfied flow, which
   * this version has elsewhere: the status follows from the draft task's creation, and the 1.0.0 model decides a first
   * dissatisfaction after this flow, as this one does, by the rehandling round.
   */
  static void startDrafting(DelegateExecution execution) {
    // the draft task's creation sets the record's status
  }

  static void dissatisfied(Notifications notifications, ProcessRecords processRecords, DelegateExecution execution) {
    Integer round = ProcessVariables.REHANDLING_ROUND.get(execution);
    notifications.dissatisfied(processRecords.idOf(execution), GiveFeedback.FEEDBACK_COMMENT.get(execution),
        round == null || round == 0);
  }
}
