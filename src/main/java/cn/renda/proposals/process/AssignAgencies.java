package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.FORGOTTEN;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.calendar.DueDay;
import cn.renda.proposals.proposal.AssignmentRounds;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.Texts;
import cn.renda.proposals.web.Violations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 交办: the government office names the lead agency, the co-agencies (possibly none) and the agency that signs the
 * letter (default: the lead agency). The reply deadline is set on the first assignment (three months) and kept on a
 * re-assignment after a dispute unless a new one is given.
 */
@Component(AssignAgencies.KEY)
public class AssignAgencies extends TaskContract {

  public static final String KEY = "assignAgencies";
  public static final Variable<String> LEAD_AGENCY = Variable.text("leadAgency");
  public static final Variable<List<String>> CO_AGENCIES = Variable.codes("coAgencies");
  public static final Variable<String> REPLY_ISSUER = Variable.text("replyIssuer");
  public static final Variable<LocalDate> REPLY_DEADLINE = Variable.date("replyDeadline");

  private final AssignmentRounds rounds;
  private final AgencyDirectory agencies;
  private final Deadlines deadlines;
  private final ZoneId zone;

  public AssignAgencies(Support support, AssignmentRounds rounds, AgencyDirectory agencies, Deadlines deadlines,
      CalendarProperties calendar) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.GOV_OFFICE)
        .waitsIn(ProposalStatus.ASSIGNING)
        .answers(
            Answer.of(LEAD_AGENCY, "主办单位").required().optionsFrom(View.AGENCY_OPTIONS),
            Answer.of(CO_AGENCIES, "协办单位").optionsFrom(View.AGENCY_OPTIONS),
            Answer.of(REPLY_ISSUER, "答复单位").optionsFrom(View.AGENCY_OPTIONS),
            Answer.of(REPLY_DEADLINE, "新的答复期限").retained(FORGOTTEN))
        .views(View.proposalAndAssignment(View.AGENCY_OPTIONS))
        .shows(AcceptAssignment.DISPUTE_REASON));
    this.rounds = rounds;
    this.agencies = agencies;
    this.deadlines = deadlines;
    this.zone = calendar.zone();
  }

  @Override
  protected void complete(Completion completion) {
    String lead = completion.get(LEAD_AGENCY);
    List<String> coAgencies = completion.get(CO_AGENCIES) == null ? List.of() : completion.get(CO_AGENCIES);
    String issuer = completion.get(REPLY_ISSUER);
    Violations v = completion.violations();
    checkAgencies(lead, coAgencies, issuer, v);
    DueDay replyDue = replyDue(completion.record(), completion.get(REPLY_DEADLINE), v);
    completion.refuseIfAny();

    String effectiveIssuer = issuer == null ? lead : issuer;
    rounds.assign(completion.id(), lead, coAgencies, effectiveIssuer, replyDue, deadlines.coOpinionDue(replyDue.day()),
        completion.actor());
    // the reason of an earlier dispute, shown on this form, is recorded in the timeline; the process forgets it
    AcceptAssignment.DISPUTE_REASON.remove(completion.task());
    REPLY_ISSUER.set(completion.task(), effectiveIssuer);
  }

  /** A known lead agency, known distinct co-agencies other than the lead, a known issuer. */
  private void checkAgencies(String lead, List<String> coAgencies, String issuer, Violations v) {
    if (lead != null && !agencies.isActive(lead)) {
      v.add(LEAD_AGENCY.name(), "unknown-agency", "未知的单位代码：" + lead, "unknown agency code: " + lead);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < coAgencies.size(); i++) {
      String code = coAgencies.get(i);
      String field = CO_AGENCIES.name() + "[" + i + "]";
      if (code.equals(lead)) {
        v.add(field, "lead-is-co", "主办单位不能同时作为协办单位：" + code,
            "the lead agency cannot also be a co-agency: " + code);
      } else if (!seen.add(code)) {
        v.add(field, "duplicate", "协办单位重复：" + code, "co-agency listed twice: " + code);
      } else if (!agencies.isActive(code)) {
        v.add(field, "unknown-agency", "未知的单位代码：" + code, "unknown agency code: " + code);
      }
    }
    if (issuer != null && !agencies.isActive(issuer)) {
      v.add(REPLY_ISSUER.name(), "unknown-agency", "未知的单位代码：" + issuer, "unknown agency code: " + issuer);
    }
  }

  /** The first assignment's deadline is fixed (three months); a re-assignment keeps it or sets a later one. */
  private DueDay replyDue(ProposalRecord record, LocalDate newDeadline, Violations v) {
    String field = REPLY_DEADLINE.name();
    if (record.replyDue() == null) {
      if (newDeadline != null) {
        v.add(field, "first-assignment", "首次交办的答复期限按规定计算（交办之日起三个月），不能另行指定",
            "the first assignment's reply deadline is fixed (three months); it can only be changed on re-assignment");
      }
      return deadlines.firstReplyDue();
    }
    if (newDeadline == null) {
      return record.replyDueDay();
    }
    LocalDate latest = deadlines.latestReplyDue(record.firstAssignedAt().atZone(zone).toLocalDate());
    LocalDate replyDue = deadlines.onWorkingDay(newDeadline);
    if (!newDeadline.isAfter(deadlines.today())) {
      v.add(field, "future", "新的答复期限须晚于今天", "replyDeadline must be after today");
    } else if (replyDue.isAfter(latest)) {
      v.add(field, "too-late", "答复期限最迟为首次交办之日起六个月（" + Texts.day(latest) + "）",
          "replyDeadline cannot be later than six months after the first assignment (" + latest + ")");
    }
    return DueDay.chosen(replyDue);
  }
}
