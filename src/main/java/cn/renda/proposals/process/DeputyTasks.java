package cn.renda.proposals.process;

import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.process.Decisions.CoSignature;
import cn.renda.proposals.process.Decisions.ShortMotion;
import cn.renda.proposals.proposal.DeputyCommunication;
import cn.renda.proposals.proposal.Satisfaction;
import cn.renda.proposals.web.ConflictException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A deputy's own tasks, done outside Tasklist (the deputies' workspace, our API): the same user tasks, completed
 * through the engine as the deputy, so that the task's contract, the engine's guard and its authorizations decide
 * exactly as they do for Tasklist. Whichever way it is done, it is one task, done once.
 *
 * <p>The caller has made the deputy the engine's current authentication.
 */
@Service
public class DeputyTasks {

  /** An open task of the deputy's on a proposal. */
  public record Open(String taskId, String key, Date due) {}

  private final TaskService taskService;
  private final Actors actors;

  public DeputyTasks(TaskService taskService, Actors actors) {
    this.taskService = taskService;
    this.actors = actors;
  }

  /** When the proposal's co-signing window ends, while co-signers are still to answer. */
  public Optional<Date> coSigningEnds(String proposalId) {
    return actors.asSystem(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(proposalId)
        .taskDefinitionKey(ConfirmCoSignature.KEY)
        .list().stream()
        .map(Task::getDueDate)
        .filter(java.util.Objects::nonNull)
        .max(Date::compareTo));
  }

  /** The deputy's open tasks on the proposal: co-signing, the short motion's choice, feedback. */
  public List<Open> open(String proposalId, String deputy) {
    return taskService.createTaskQuery()
        .processInstanceBusinessKey(proposalId)
        .taskAssignee(deputy)
        .taskDefinitionKeyIn(ConfirmCoSignature.KEY, DecideShortMotion.KEY, GiveFeedback.KEY)
        .list().stream()
        .map(task -> new Open(task.getId(), task.getTaskDefinitionKey(), task.getDueDate()))
        .toList();
  }

  /** 附议确认: the co-signer confirms or declines. */
  public void answerCoSignature(String proposalId, String deputy, CoSignature answer) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ConfirmCoSignature.CO_SIGNATURE.name(), answer == null ? null : answer.name());
    complete(proposalId, deputy, ConfirmCoSignature.KEY, variables,
        "您不是这件议案建议待确认的附议代表，或已经答复过，或附议确认期限已结束。");
  }

  /** 代表评价 of the delivered reply, with the deputy's account of how the agency communicated with them. */
  public void giveFeedback(String proposalId, String deputy, Satisfaction satisfaction, String comment,
      DeputyCommunication communication) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(GiveFeedback.SATISFACTION.name(), satisfaction == null ? null : satisfaction.name());
    variables.put(GiveFeedback.FEEDBACK_COMMENT.name(), blankToNull(comment));
    variables.put(GiveFeedback.DEPUTY_COMMUNICATION.name(), communication == null ? null : communication.name());
    complete(proposalId, deputy, GiveFeedback.KEY, variables,
        "这件议案建议当前没有等待您评价的答复（可能已经评价过）。");
  }

  /** The lead deputy's choice for a motion short of deputies. */
  public void decideShortMotion(String proposalId, String deputy, ShortMotion decision, String reason) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(DecideShortMotion.SHORT_MOTION_DECISION.name(), decision == null ? null : decision.name());
    variables.put(DecideShortMotion.WITHDRAWAL_REASON.name(), blankToNull(reason));
    complete(proposalId, deputy, DecideShortMotion.KEY, variables, "这件议案建议当前不需要您作出选择。");
  }

  private void complete(String proposalId, String deputy, String key, Map<String, Object> variables,
      String noTaskZh) {
    Optional<Task> task = taskService.createTaskQuery()
        .processInstanceBusinessKey(proposalId)
        .taskAssignee(deputy)
        .taskDefinitionKey(key)
        .list().stream().findFirst();
    if (task.isEmpty()) {
      throw new ConflictException("No open " + key + " task of " + deputy + " on proposal " + proposalId, noTaskZh);
    }
    // a refusal surfaces as itself (InvalidInputException, ConflictException: platform/RefusalUnwrapping)
    taskService.complete(task.get().getId(), variables);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
