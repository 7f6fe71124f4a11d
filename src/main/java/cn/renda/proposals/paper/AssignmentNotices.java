package cn.renda.proposals.paper;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.proposal.AgencyRole;
import cn.renda.proposals.proposal.AssignmentRounds;
import cn.renda.proposals.proposal.ProposalFilter;
import cn.renda.proposals.proposal.ProposalQueries;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalViews;
import cn.renda.proposals.proposal.Texts;
import cn.renda.proposals.web.ForbiddenException;
import cn.renda.proposals.web.NotFoundException;
import cn.renda.proposals.web.Violations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assignment notice (交办通知单) of one agency for one round of assignment (the 交办会 of a day): every proposal of
 * the session assigned to the agency that day, as lead or co-agency, with the deadline the agency owes, as PDF.
 */
@Service
public class AssignmentNotices {

  private static final int MAX_LIST = 20_000;

  /** One line of the notice. */
  public record Line(int position, String proposal, String title, String leadDeputy, String role, String due) {}

  private final ProposalQueries queries;
  private final ProposalRecords records;
  private final AssignmentRounds rounds;
  private final AgencyDirectory agencies;
  private final PdfDocuments pdf;
  private final ZoneId zone;

  AssignmentNotices(ProposalQueries queries, ProposalRecords records, AssignmentRounds rounds,
      AgencyDirectory agencies, PdfDocuments pdf, CalendarProperties calendar) {
    this.queries = queries;
    this.records = records;
    this.rounds = rounds;
    this.agencies = agencies;
    this.pdf = pdf;
    this.zone = calendar.zone();
  }

  /** The agency's notice of the day; the offices may print any agency's, an agency its own. */
  @Transactional(readOnly = true)
  public ReplyLetters.Pdf notice(CurrentUser user, String session, String agencyCode, LocalDate day) {
    Violations violations = new Violations();
    ProposalRules.session(session, violations);
    violations.required("agency", agencyCode, "单位");
    violations.required("date", day, "交办日期");
    violations.throwIfAny();
    if (!user.seesEverything() && !user.agencyCodes().contains(agencyCode)) {
      throw new ForbiddenException("An agency prints its own assignment notice only.", "单位只能打印本单位的交办通知单。");
    }
    Agency agency = agencies.find(agencyCode).orElseThrow(() -> new NotFoundException("agency " + agencyCode));
    List<ProposalViews.Summary> listed = queries.all(user,
        new ProposalFilter(session, null, null, agencyCode, null, null, null), MAX_LIST).items();
    List<Line> lines = listed.stream()
        .map(summary -> records.get(summary.id()))
        .filter(record -> record.assignedAt() != null
            && record.assignedAt().atZone(zone).toLocalDate().equals(day))
        .sorted(Comparator.comparing((ProposalRecord record) -> record.kind().ordinal())
            .thenComparing(record -> Objects.requireNonNullElse(record.caseNumber(), Integer.MAX_VALUE)))
        .map(record -> line(record, agencyCode))
        .toList();
    if (lines.isEmpty()) {
      throw new NotFoundException("no proposal of session " + session + " assigned to " + agencyCode + " on " + day);
    }
    List<Line> numbered = java.util.stream.IntStream.range(0, lines.size())
        .mapToObj(i -> new Line(i + 1, lines.get(i).proposal(), lines.get(i).title(), lines.get(i).leadDeputy(),
            lines.get(i).role(), lines.get(i).due()))
        .toList();
    byte[] content = pdf.render("paper/assignment-notice", Map.of(
        "agency", agency.name(),
        "session", session,
        "day", day.getYear() + " 年 " + day.getMonthValue() + " 月 " + day.getDayOfMonth() + " 日",
        "lead", numbered.stream().filter(line -> line.role().equals("主办")).count(),
        "co", numbered.stream().filter(line -> line.role().equals("协办")).count(),
        "lines", numbered));
    return new ReplyLetters.Pdf("交办通知单-" + agency.name() + "-" + day + ".pdf", content);
  }

  private Line line(ProposalRecord record, String agencyCode) {
    boolean lead = rounds.of(record.id(), record.assignmentRound()).stream()
        .anyMatch(assigned -> assigned.agencyCode().equals(agencyCode) && assigned.role() == AgencyRole.LEAD);
    String proposal = record.kind().label() + (record.caseNumber() == null ? "" : "第" + record.caseNumber() + "号");
    LocalDate due = lead ? record.replyDue() : record.coOpinionDue();
    return new Line(0, proposal, record.title(), record.nameOf(record.leadDeputy()), lead ? "主办" : "协办",
        (lead ? "答复 " : "协办意见 ") + Texts.day(due));
  }
}
