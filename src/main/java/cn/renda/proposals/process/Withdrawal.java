package cn.renda.proposals.process;

import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.NotFoundException;
import cn.renda.proposals.web.Violations;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回: the lead deputy withdraws a proposal until it is assigned. The record ends as withdrawn and the process
 * receives the model's withdrawal message (its event sub-process ends the instance), in one transaction.
 */
@Service
public class Withdrawal {

  /** The message of the model's withdrawal event sub-process. */
  public static final String MESSAGE = "proposalWithdrawn";
  public static final String REASON = "reason";

  private final ProposalRecords records;
  private final RuntimeService runtimeService;
  private final Actors actors;
  private final ProcessNotifications notifications;

  public Withdrawal(ProposalRecords records, RuntimeService runtimeService, Actors actors,
      ProcessNotifications notifications) {
    this.records = records;
    this.runtimeService = runtimeService;
    this.actors = actors;
    this.notifications = notifications;
  }

  /** Withdraws the proposal {@code id} of the lead deputy {@code deputy}, for {@code reason}. */
  @Transactional
  public void withdraw(String id, String deputy, String reason) {
    ProposalRecord record = records.find(id).filter(found -> found.leadDeputy().equals(deputy))
        .orElseThrow(() -> new NotFoundException(id));
    Violations violations = new Violations();
    if (violations.required(REASON, reason, "撤回理由")) {
      violations.text(REASON, reason, "撤回理由", 1, ProposalRules.COMMENT_MAX);
    }
    violations.throwIfAny();
    if (!record.status().withdrawable()) {
      throw new ConflictException("Proposal " + id + " is " + record.status() + ": only a proposal not yet assigned"
          + " can be withdrawn",
          "该议案建议当前处于“" + record.status().label() + "”环节，已交办或已办结的议案建议不能撤回。");
    }
    records.withdraw(id, reason.strip(), deputy);
    actors.asSystem(() -> {
      boolean listens = runtimeService.createEventSubscriptionQuery().processInstanceId(record.processInstanceId())
          .eventType("message").eventName(MESSAGE).count() > 0;
      if (listens) {
        runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(record.processInstanceId()).correlate();
      } else {
        // an instance of a model from before the withdrawal sub-process (1.0.0, 1.1.0): it ends without the message,
        // and its co-signers are told here instead of by the sub-process's end
        runtimeService.deleteProcessInstance(record.processInstanceId(), "领衔代表撤回 / withdrawn by the lead deputy");
        notifications.withdrawn(id);
      }
      return null;
    });
  }
}
