package cn.renda.proposals.process;

import jakarta.validation.constraints.Min;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every deadline and window of the lifecycle ({@code proposals.deadlines}), defaults from DESIGN.md. Windows in
 * working days count on the Chinese calendar; periods in months land on the next working day when they end on a day
 * off.
 *
 * @param review 审查立案 window, working days from submission
 * @param assignment 交办 window, working days from acceptance
 * @param dispute 签收/退回 window, working days from assignment; silence means accepted
 * @param feedback 代表评价 window, working days from delivery; silence means NO_RESPONSE
 * @param extensionApproval 延期审批 window, working days
 * @param supervision 督办 tasks (overdue supervision, supervisory review), working days
 * @param evaluation 办结评定 window, working days
 * @param reply reply deadline from the first assignment
 * @param replyMax the reply deadline can never be later than this from the first assignment
 * @param coOpinion co-opinions due from the assignment
 * @param rehandling reply deadline of a rehandling round, from the dissatisfied feedback
 * @param followUpInterval 跟踪落实: time between progress reports after the planned resolution date
 * @param reminderBefore reminders come this long before a deadline
 * @param escalationRepeat the overdue escalation repeats at this interval while the work is open
 * @param coSigning 附议确认 window, working days from a deputy's own submission; unanswered co-signers drop out
 * @param shortMotion the lead deputy's choice for a motion short of deputies, working days (due date only: the
 *     system never converts or withdraws a deputy's motion on its own)
 */
@Validated
@ConfigurationProperties("proposals.deadlines")
public record DeadlineProperties(
    @DefaultValue("5") @Min(1) int review,
    @DefaultValue("5") @Min(1) int assignment,
    @DefaultValue("5") @Min(1) int dispute,
    @DefaultValue("15") @Min(1) int feedback,
    @DefaultValue("3") @Min(1) int extensionApproval,
    @DefaultValue("5") @Min(1) int supervision,
    @DefaultValue("10") @Min(1) int evaluation,
    @DefaultValue("P3M") Period reply,
    @DefaultValue("P6M") Period replyMax,
    @DefaultValue("P1M") Period coOpinion,
    @DefaultValue("P1M") Period rehandling,
    @DefaultValue("P3M") Period followUpInterval,
    @DefaultValue("P7D") Period reminderBefore,
    @DefaultValue("P7D") Period escalationRepeat,
    @DefaultValue("3") @Min(1) int coSigning,
    @DefaultValue("5") @Min(1) int shortMotion) {}
