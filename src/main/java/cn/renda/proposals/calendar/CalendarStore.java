package cn.renda.proposals.calendar;

import cn.renda.proposals.jdbc.TransactionReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar's tables: every version of every year, the version in force, and the revision every node checks
 * before it uses the calendar. Versions are only ever added.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class CalendarStore {

  private static final int SUMMARY_MAX = 4000;

  private final JdbcClient jdbc;
  private final Clock clock;

  public CalendarStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The state of the calendar as a whole: different after every change of any year, on every node. */
  public String revision() {
    // asked before every deadline a completion computes: once per transaction until it changes the calendar
    return TransactionReads.read(REVISION, REVISION_TABLES,
        () -> jdbc.sql("SELECT revision FROM calendar_revision WHERE id = 1").query(String.class).single());
  }

  private static final Set<String> REVISION_TABLES = Set.of("calendar_revision");

  private static final Object REVISION = new Object();

  /** The days in force of every year. */
  public WorkingDays load() {
    Map<Integer, List<SpecialDay>> years = new HashMap<>();
    jdbc.sql("""
            SELECT d.cal_day, d.kind, d.name FROM calendar_day d
            JOIN calendar_year y ON y.cal_year = d.cal_year AND y.current_version = d.version""")
        .query(rs -> {
          SpecialDay day = day(rs);
          years.computeIfAbsent(day.date().getYear(), year -> new ArrayList<>()).add(day);
        });
    return WorkingDays.of(years);
  }

  /** The version in force of the year, if the year was ever entered. */
  public Optional<CalendarVersion> current(int year) {
    return jdbc.sql("""
            SELECT v.* FROM calendar_version v
            JOIN calendar_year y ON y.cal_year = v.cal_year AND y.current_version = v.version
            WHERE v.cal_year = ?""")
        .param(year)
        .query((rs, row) -> version(rs))
        .optional();
  }

  /** The version in force of every year that was ever entered, by year. */
  public List<CalendarVersion> currentVersions() {
    return jdbc.sql("""
            SELECT v.* FROM calendar_version v
            JOIN calendar_year y ON y.cal_year = v.cal_year AND y.current_version = v.version
            ORDER BY v.cal_year""")
        .query((rs, row) -> version(rs))
        .list();
  }

  /** Every version of the year, the newest first. */
  public List<CalendarVersion> versions(int year) {
    return jdbc.sql("SELECT * FROM calendar_version WHERE cal_year = ? ORDER BY version DESC")
        .param(year)
        .query((rs, row) -> version(rs))
        .list();
  }

  public Optional<CalendarVersion> version(int year, int version) {
    return jdbc.sql("SELECT * FROM calendar_version WHERE cal_year = ? AND version = ?")
        .params(year, version)
        .query((rs, row) -> version(rs))
        .optional();
  }

  /** The days of one version of the year, by date. */
  public List<SpecialDay> days(int year, int version) {
    return jdbc.sql("SELECT cal_day, kind, name FROM calendar_day WHERE cal_year = ? AND version = ? ORDER BY cal_day")
        .params(year, version)
        .query((rs, row) -> day(rs))
        .list();
  }

  /**
   * Takes the calendar for a change until the transaction ends: a second change waits here for the first to commit,
   * so that each one starts from the calendar the one before left. The new revision tells every node the calendar
   * changed (once this transaction commits).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lockForChange() {
    jdbc.sql("UPDATE calendar_revision SET revision = ? WHERE id = 1").param(UUID.randomUUID().toString()).update();
  }

  /**
   * Adds a version of the year with these days and puts it in force; the caller holds the lock. Answers the new
   * version.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public CalendarVersion save(int year, List<SpecialDay> days, VersionAction action, Integer revertedTo, String source,
      String actor, String summary) {
    int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM calendar_version WHERE cal_year = ?")
        .param(year)
        .query(Integer.class)
        .single();
    int holidays = (int) days.stream().filter(day -> day.kind() == DayKind.HOLIDAY).count();
    jdbc.sql("""
            INSERT INTO calendar_version (cal_year, version, action, reverted_to, source, changed_by, changed_at,
                                          holidays, workdays, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(year, version, action.name(), revertedTo, source, actor,
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), holidays, days.size() - holidays,
            summary == null || summary.length() <= SUMMARY_MAX ? summary : summary.substring(0, SUMMARY_MAX - 1) + "…")
        .update();
    for (SpecialDay day : days) {
      jdbc.sql("INSERT INTO calendar_day (cal_year, version, cal_day, kind, name) VALUES (?, ?, ?, ?, ?)")
          .params(year, version, day.date(), day.kind().name(), day.name())
          .update();
    }
    int updated = jdbc.sql("UPDATE calendar_year SET current_version = ? WHERE cal_year = ?")
        .params(version, year)
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO calendar_year (cal_year, current_version) VALUES (?, ?)").params(year, version).update();
    }
    return version(year, version).orElseThrow();
  }

  /** Records how many open deadlines a version moved. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordMoved(int year, int version, int moved) {
    jdbc.sql("UPDATE calendar_version SET moved_deadlines = ? WHERE cal_year = ? AND version = ?")
        .params(moved, year, version)
        .update();
  }

  /** Whether the year was ever entered (imported, changed, or reverted to no data). */
  public boolean known(int year) {
    return jdbc.sql("SELECT COUNT(*) FROM calendar_year WHERE cal_year = ?").param(year).query(Integer.class).single()
        > 0;
  }

  private static SpecialDay day(ResultSet rs) throws SQLException {
    return new SpecialDay(rs.getObject("cal_day", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
        rs.getString("name"));
  }

  private static CalendarVersion version(ResultSet rs) throws SQLException {
    OffsetDateTime changedAt = rs.getObject("changed_at", OffsetDateTime.class);
    return new CalendarVersion(rs.getInt("cal_year"), rs.getInt("version"),
        VersionAction.valueOf(rs.getString("action")), (Integer) rs.getObject("reverted_to"), rs.getString("source"),
        rs.getString("changed_by"), changedAt.toInstant(), rs.getInt("holidays"), rs.getInt("workdays"),
        rs.getString("summary"), rs.getInt("moved_deadlines"));
  }
}
