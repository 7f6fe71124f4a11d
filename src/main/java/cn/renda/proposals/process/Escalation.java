package cn.renda.proposals.process;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.alert.AlertKind;
import cn.renda.proposals.alert.Alerts;
import cn.renda.proposals.alert.NewAlert;
import cn.renda.proposals.identity.Groups;
import cn.renda.proposals.proposal.CoOpinions;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.Texts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Reminders before deadlines and overdue escalation at them ({@code ${escalation.…}} in the model). Reminders go to
 * the agency that owes the work; overdue alerts to the supervisors ({@link Routing#supervisorsOf}, the same people
 * the model gives the supervision task). Each alert is raised once per deadline and repetition; the overdue methods
 * answer whether this call raised it, and the model creates the supervision task only then.
 */
@Component("escalation")
public class Escalation {

  private final Alerts alerts;
  private final ProcessRecords processRecords;
  private final CoOpinions coOpinions;
  private final Deadlines deadlines;
  private final AgencyDirectory agencies;

  public Escalation(Alerts alerts, ProcessRecords processRecords, CoOpinions coOpinions, Deadlines deadlines,
      AgencyDirectory agencies) {
    this.alerts = alerts;
    this.processRecords = processRecords;
    this.coOpinions = coOpinions;
    this.deadlines = deadlines;
    this.agencies = agencies;
  }

  public void remindReply(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    remind(record, AlertKind.REPLY_REMINDER, record.leadAgency(), record.replyDue(), "答复");
  }

  public boolean replyOverdue(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    return overdue(record, AlertKind.REPLY_OVERDUE, record.leadAgency(), record.replyDue(), "答复", List.of());
  }

  public void remindCoOpinion(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    String coAgency = ProcessVariables.CO_AGENCY.get(execution);
    remind(record, AlertKind.CO_OPINION_REMINDER, coAgency, record.coOpinionDue(), "协办意见");
  }

  /** A co-agency missed its deadline: supervisors and the waiting lead agency are told. */
  public void coOpinionOverdue(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    String coAgency = ProcessVariables.CO_AGENCY.get(execution);
    coOpinions.late(record.id(), coAgency);
    overdue(record, AlertKind.CO_OPINION_OVERDUE, coAgency, record.coOpinionDue(), "协办意见",
        List.of(Groups.agency(record.leadAgency())));
  }

  public void remindProgress(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    remind(record, AlertKind.PROGRESS_REMINDER, record.leadAgency(), record.progressDue(), "跟踪落实报告");
  }

  public boolean progressOverdue(DelegateExecution execution) {
    ProposalRecord record = processRecords.of(execution);
    return overdue(record, AlertKind.PROGRESS_OVERDUE, record.leadAgency(), record.progressDue(), "跟踪落实报告",
        List.of());
  }

  private void remind(ProposalRecord record, AlertKind kind, String agency, LocalDate due, String what) {
    long days = ChronoUnit.DAYS.between(deadlines.today(), due);
    String message = Texts.proposal(record) + "的" + what + "将于 " + Texts.day(due) + " 到期（还有 " + Math.max(days, 0)
        + " 天），请" + agencies.nameOf(agency) + "抓紧办理。";
    alerts.raise(new NewAlert(record.id(), kind, agency, due, 0, List.of(Groups.agency(agency)), message));
  }

  private boolean overdue(
      ProposalRecord record, AlertKind kind, String agency, LocalDate due, String what, List<String> alsoTo) {
    int repetition = deadlines.escalationRepetition(due);
    long days = ChronoUnit.DAYS.between(due, deadlines.today());
    List<String> recipients = new ArrayList<>(Routing.supervisorsOf(record));
    recipients.addAll(alsoTo);
    String message = Texts.proposal(record) + "的" + what + "已于 " + Texts.day(due) + " 到期，" + agencies.nameOf(agency)
        + (days > 0 ? "已超期 " + days + " 天" : "未按期完成") + "，请督办。";
    return alerts.raise(new NewAlert(record.id(), kind, agency, due, repetition, recipients, message));
  }
}
