package cn.renda.proposals.proposal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The lead agency's progress reports (跟踪落实) on a B reply's promise. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ProgressReports {

  /** One report, against the due date it answered. */
  public record ProgressReport(String report, boolean resolved, LocalDate due, String reportedBy, Instant reportedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final Timeline timeline;
  private final HandlingFacts facts;

  public ProgressReports(JdbcClient jdbc, Clock clock, ProposalRecords records, Timeline timeline,
      HandlingFacts facts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.timeline = timeline;
    this.facts = facts;
  }

  public void report(String id, String report, boolean resolved, String actor) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.FOLLOW_UP), "report progress",
        "报告落实情况");
    jdbc.sql("""
            INSERT INTO progress_report (id, proposal_id, report, resolved, due, reported_by, reported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), id, report, resolved, record.progressDue(), actor,
            Rows.at(clock.instant()))
        .update();
    if (resolved) {
      facts.refresh(id);
    }
    timeline.add(id, actor, TimelineAction.PROGRESS_REPORTED, (resolved ? "已解决：" : "") + report);
  }

  /** The reports, oldest first. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<ProgressReport> of(String id) {
    return jdbc.sql("SELECT * FROM progress_report WHERE proposal_id = ? ORDER BY reported_at, id")
        .param(id)
        .query((rs, row) -> new ProgressReport(rs.getString("report"), rs.getBoolean("resolved"),
            rs.getObject("due", LocalDate.class), rs.getString("reported_by"), Rows.instant(rs, "reported_at")))
        .list();
  }
}
