package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.CO_AGENCY;
import static cn.renda.proposals.process.ProcessVariables.proposalId;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.alert.AlertKind;
import cn.renda.proposals.alert.Alerts;
import cn.renda.proposals.alert.NewAlert;
import cn.renda.proposals.identity.Groups;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Reminders before deadlines and overdue escalation at them ({@code ${escalation.…}} in the model). Reminders go to
 * the agency that owes the work; overdue alerts to the government office, and also to the congress office for key
 * proposals. Each alert is raised once per deadline and repetition; the overdue methods answer whether this call
 * raised it, and the model creates the supervision task only then.
 */
@Component("escalation")
public class Escalation {

  private final Alerts alerts;
  private final ProposalRecords records;
  private final Deadlines deadlines;
  private final AgencyDirectory agencies;

  public Escalation(Alerts alerts, ProposalRecords records, Deadlines deadlines, AgencyDirectory agencies) {
    this.alerts = alerts;
    this.records = records;
    this.deadlines = deadlines;
    this.agencies = agencies;
  }

  public void remindReply(DelegateExecution execution) {
    ProposalRecord record = record(execution);
    remind(record, AlertKind.REPLY_REMINDER, record.leadAgency(), record.replyDue(), "答复");
  }

  public boolean replyOverdue(DelegateExecution execution) {
    ProposalRecord record = record(execution);
    return overdue(record, AlertKind.REPLY_OVERDUE, record.leadAgency(), record.replyDue(), "答复", List.of());
  }

  public void remindCoOpinion(DelegateExecution execution) {
    ProposalRecord record = record(execution);
    String coAgency = (String) execution.getVariable(CO_AGENCY);
    remind(record, AlertKind.CO_OPINION_REMINDER, coAgency, record.coOpinionDue(), "协办意见");
  }

  /** A co-agency missed its deadline: supervisors and the waiting lead agency are told. */
  public void coOpinionOverdue(DelegateExecution execution) {
    ProposalRecord record = record(execution);
    String coAgency = (String) execution.getVariable(CO_AGENCY);
    records.coOpinionLate(record.id(), coAgency);
    overdue(record, AlertKind.CO_OPINION_OVERDUE, coAgency, record.coOpinionDue(), "协办意见",
        List.of(Groups.agency(record.leadAgency())));
  }

  public void remindProgress(DelegateExecution execution) {
    ProposalRecord record = record(execution);
    remind(record, AlertKind.PROGRESS_REMINDER, record.leadAgency(), record.progressDue(), "跟踪落实报告");
  }

  public boolean progressOverdue(DelegateExecution execution) {
    ProposalRecord record = record(execution);
    return overdue(record, AlertKind.PROGRESS_OVERDUE, record.leadAgency(), record.progressDue(), "跟踪落实报告",
        List.of());
  }

  private void remind(ProposalRecord record, AlertKind kind, String agency, LocalDate due, String what) {
    long days = ChronoUnit.DAYS.between(deadlines.today(), due);
    String message = describe(record) + "的" + what + "将于 " + due + " 到期（还有 " + Math.max(days, 0) + " 天），请"
        + agencyName(agency) + "抓紧办理。";
    alerts.raise(new NewAlert(record.id(), kind, agency, due, 0, List.of(Groups.agency(agency)), message));
  }

  private boolean overdue(
      ProposalRecord record, AlertKind kind, String agency, LocalDate due, String what, List<String> alsoTo) {
    int repetition = deadlines.escalationRepetition(due);
    long days = ChronoUnit.DAYS.between(due, deadlines.today());
    List<String> recipients = new ArrayList<>(supervisors(record));
    recipients.addAll(alsoTo);
    String message = describe(record) + "的" + what + "已于 " + due + " 到期，" + agencyName(agency)
        + (days > 0 ? "已超期 " + days + " 天" : "未按期完成") + "，请督办。";
    return alerts.raise(new NewAlert(record.id(), kind, agency, due, repetition, recipients, message));
  }

  /** Who supervises overdue work: the government office, and the congress office for key proposals. */
  static List<String> supervisors(ProposalRecord record) {
    return record.priority() == Priority.KEY
        ? List.of(Groups.GOV_OFFICE, Groups.CONGRESS_OFFICE)
        : List.of(Groups.GOV_OFFICE);
  }

  private String agencyName(String code) {
    return agencies.find(code).map(a -> a.name()).orElse(code);
  }

  private static String describe(ProposalRecord record) {
    return "《" + record.title() + "》" + (record.caseNumber() == null ? "" : "（案号 " + record.caseNumber() + "）");
  }

  private ProposalRecord record(DelegateExecution execution) {
    return records.get(proposalId(execution));
  }
}
