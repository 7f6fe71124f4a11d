package cn.renda.proposals.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of the handling (办理统计) from the record, with SQL aggregates: per agency, per month, and the proposals
 * behind each count. What each count means is its {@link HandlingCount} condition; rates, medians, scores and who may
 * see which row are the statistics feature's business. Reads only.
 */
@Service
@Transactional(readOnly = true)
public class HandlingFigures {

  /** The counts of one agency, and the deadline of its longest overdue reply (null when none is overdue). */
  public record AgencyCounts(String agencyCode, Map<HandlingCount, Long> counts, LocalDate oldestOverdueDue) {

    public long get(HandlingCount count) {
      return counts.getOrDefault(count, 0L);
    }
  }

  /** How many first letters of an agency took so many working days from the first assignment. */
  public record ReplyTime(String agencyCode, int workingDays, long proposals) {}

  /** Proposals first assigned in a month, first letters delivered in it, and how many of those were on time. */
  public record MonthCounts(YearMonth month, long assigned, long replied, long repliedOnTime) {}

  /** The proposals behind a count, at most as many as asked for, and how many there are in all. */
  public record Items(long total, List<HandlingItem> items) {}

  private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9_/+-]+");

  /** A lead agency's proposals: one row each, the handling facts on it. */
  private static final String LEAD_FROM = " FROM proposal p";

  private static final String CO_FROM = " " + """
       FROM proposal_agency a
       JOIN proposal p ON p.id = a.proposal_id AND a.round = p.assignment_round
       LEFT JOIN co_opinion o
         ON o.proposal_id = a.proposal_id AND o.round = a.round AND o.agency_code = a.agency_code""";

  /** A lead agency's round that is over while the proposal was not replied by it: it was given back. */
  private static final String DISPUTE_FROM = " " + """
       FROM proposal_agency a
       JOIN proposal p ON p.id = a.proposal_id
        AND (a.round < p.assignment_round OR p.status = 'ASSIGNING')""";

  private static final String ITEM_COLUMNS = """
      SELECT %s p.id, p.session_code, p.kind, p.case_number, p.title, p.priority, p.status, %s AS agency_code,
             p.first_assigned_at, p.reply_due, p.first_reply_date, p.first_reply_deadline,
             p.last_classification AS classification, p.last_communication_method AS communication_method,
             p.first_satisfaction, p.satisfaction, p.final_classification, p.progress_due, %s AS co_status,
             %s AS co_due, p.process_instance_id""";

  private final JdbcClient jdbc;
  private final String zone;

  public HandlingFigures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    ZoneId zoneId = clock.getZone();
    if (!ZONE_ID.matcher(zoneId.getId()).matches()) {
      throw new IllegalStateException("Unexpected time zone id " + zoneId.getId());
    }
    this.zone = zoneId.getId();
  }

  /** The sessions that have proposals, newest first. */
  public List<String> sessions() {
    return jdbc.sql("SELECT DISTINCT session_code FROM proposal ORDER BY session_code DESC").query(String.class).list();
  }

  public boolean hasSession(String session) {
    return jdbc.sql("SELECT COUNT(*) FROM proposal WHERE session_code = ?").param(session).query(Long.class).single()
        > 0;
  }

  /** Every count of every agency that was lead agency, co-agency or gave an assignment back, by agency code. */
  public Map<String, AgencyCounts> byAgency(HandlingFilter filter) {
    Map<String, Map<HandlingCount, Long>> counts = new TreeMap<>();
    Map<String, LocalDate> oldestOverdue = new HashMap<>();

    Map<String, Object> params = new HashMap<>();
    String sums = sums(HandlingCount.Scope.LEAD);
    jdbc.sql("SELECT p.lead_agency AS agency_code, " + sums + ", MIN(p.reply_due) FILTER (WHERE "
            + HandlingCount.OVERDUE.condition() + ") AS oldest_overdue" + LEAD_FROM
            + " WHERE " + where(filter, params, false, "p.lead_agency") + " GROUP BY p.lead_agency")
        .params(params)
        .query(rs -> {
          String agency = rs.getString("agency_code");
          read(rs, HandlingCount.Scope.LEAD,
              counts.computeIfAbsent(agency, code -> new EnumMap<>(HandlingCount.class)));
          LocalDate oldest = rs.getObject("oldest_overdue", LocalDate.class);
          if (oldest != null) {
            oldestOverdue.put(agency, oldest);
          }
        });

    params.clear();
    jdbc.sql("SELECT a.agency_code, " + sums(HandlingCount.Scope.CO) + CO_FROM + " WHERE a.role = 'CO' AND "
            + where(filter, params, false, "a.agency_code") + " GROUP BY a.agency_code")
        .params(params)
        .query(rs -> {
          read(rs, HandlingCount.Scope.CO, counts.computeIfAbsent(rs.getString("agency_code"),
              code -> new EnumMap<>(HandlingCount.class)));
        });

    params.clear();
    jdbc.sql("SELECT a.agency_code, COUNT(DISTINCT a.proposal_id) AS disputed" + DISPUTE_FROM
            + " WHERE a.role = 'LEAD' AND " + where(filter, params, true, "a.agency_code") + " GROUP BY a.agency_code")
        .params(params)
        .query(rs -> {
          counts.computeIfAbsent(rs.getString("agency_code"), code -> new EnumMap<>(HandlingCount.class))
              .put(HandlingCount.DISPUTED, rs.getLong("disputed"));
        });

    Map<String, AgencyCounts> result = new TreeMap<>();
    counts.forEach((agency, values) -> result.put(agency, new AgencyCounts(agency, values,
        oldestOverdue.get(agency))));
    return result;
  }

  /**
   * How long the first letters took, in working days from the day of the first assignment (交办, not counted) to the
   * day of delivery: how many letters of each agency took how many days. {@code workingDaysUpTo} numbers the working
   * days of the calendar (a day's number minus an earlier day's is the working days between them); it is asked for
   * the days from the filter's earliest assignment to today.
   */
  public List<ReplyTime> replyTimes(HandlingFilter filter, WorkingDayNumbers workingDaysUpTo) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params, false, "p.lead_agency");
    LocalDate from = jdbc.sql("SELECT MIN(p.first_assigned_on) FROM proposal p WHERE " + where)
        .params(params)
        .query(LocalDate.class)
        .optional()
        .orElse(null);
    if (from == null) {
      return List.of();
    }
    LocalDate to = filter.today().isAfter(from) ? filter.today() : from;
    StringBuilder numbered = new StringBuilder();
    workingDaysUpTo.of(from, to).forEach((day, number) -> numbered.append(numbered.isEmpty() ? "" : ", ")
        .append("(DATE '").append(day).append("', ").append(number).append(')'));
    String days = "(VALUES " + numbered + ")";
    return jdbc.sql("SELECT p.lead_agency, wr.n - wa.n AS taken, COUNT(*) AS proposals FROM proposal p"
            + " JOIN " + days + " AS wa (assigned_on, n) ON wa.assigned_on = p.first_assigned_on"
            + " JOIN " + days + " AS wr (delivered_on, n) ON wr.delivered_on = p.first_reply_date"
            + " WHERE " + where + " GROUP BY p.lead_agency, wr.n - wa.n")
        .params(params)
        .query((rs, row) -> new ReplyTime(rs.getString("lead_agency"), rs.getInt("taken"), rs.getLong("proposals")))
        .list();
  }

  /** Numbers the working days of a span of days, counting from its first day (which gets 0). */
  @FunctionalInterface
  public interface WorkingDayNumbers {
    Map<LocalDate, Integer> of(LocalDate first, LocalDate last);
  }

  /**
   * Month by month: proposals first assigned (in the business time zone), first letters delivered and of those the
   * ones on time. Months without either are left out.
   */
  public List<MonthCounts> months(HandlingFilter filter) {
    Map<YearMonth, long[]> months = new TreeMap<>();
    Map<String, Object> params = new HashMap<>();
    jdbc.sql("SELECT y, m, COUNT(*) AS assigned FROM (SELECT EXTRACT(YEAR FROM (p.first_assigned_on)) AS y,"
            + " EXTRACT(MONTH FROM (p.first_assigned_on)) AS m FROM proposal p WHERE "
            + where(filter, params, false, "p.lead_agency") + ") t GROUP BY y, m")
        .params(params)
        .query(rs -> {
          months.computeIfAbsent(YearMonth.of(rs.getInt("y"), rs.getInt("m")), month -> new long[3])[0] =
              rs.getLong("assigned");
        });
    params.clear();
    jdbc.sql("SELECT y, m, COUNT(*) AS replied, SUM(on_time) AS on_time FROM (SELECT EXTRACT(YEAR FROM"
            + " (p.first_reply_date)) AS y, EXTRACT(MONTH FROM (p.first_reply_date)) AS m, CASE WHEN "
            + HandlingCount.REPLIED_ON_TIME.condition() + " THEN 1 ELSE 0 END AS on_time FROM proposal p WHERE "
            + HandlingCount.REPLIED.condition() + " AND " + where(filter, params, false, "p.lead_agency")
            + ") t GROUP BY y, m")
        .params(params)
        .query(rs -> {
          long[] month = months.computeIfAbsent(YearMonth.of(rs.getInt("y"), rs.getInt("m")), m -> new long[3]);
          month[1] = rs.getLong("replied");
          month[2] = rs.getLong("on_time");
        });
    return months.entrySet().stream()
        .map(month -> new MonthCounts(month.getKey(), month.getValue()[0], month.getValue()[1], month.getValue()[2]))
        .toList();
  }

  /** The proposals behind a count (of the filter's agencies), by kind and case number; at most {@code limit}. */
  public Items items(HandlingFilter filter, HandlingCount count, int limit) {
    Map<String, Object> params = new HashMap<>();
    String sql;
    switch (count.scope()) {
      case LEAD -> sql = String.format(ITEM_COLUMNS, "", "p.lead_agency", "CAST(NULL AS VARCHAR(16))",
          "CAST(NULL AS DATE)") + LEAD_FROM + " WHERE " + where(filter, params, false, "p.lead_agency");
      case CO -> sql = String.format(ITEM_COLUMNS, "", "a.agency_code", "o.status", "o.due") + CO_FROM
          + " WHERE a.role = 'CO' AND " + where(filter, params, false, "a.agency_code");
      case DISPUTE -> sql = String.format(ITEM_COLUMNS, "DISTINCT", "a.agency_code", "CAST(NULL AS VARCHAR(16))",
          "CAST(NULL AS DATE)") + DISPUTE_FROM + " WHERE a.role = 'LEAD' AND "
          + where(filter, params, true, "a.agency_code");
      default -> throw new IllegalArgumentException("Unknown scope " + count.scope());
    }
    sql += " AND " + count.condition();
    long total = jdbc.sql("SELECT COUNT(*) FROM (" + sql + ") t").params(params).query(Long.class).single();
    params.put("limit", limit);
    List<HandlingItem> items = jdbc.sql(sql + " ORDER BY kind, case_number, agency_code, id LIMIT :limit")
        .params(params)
        .query((rs, row) -> item(rs))
        .list();
    return new Items(total, items);
  }

  /**
   * The filter's conditions on {@code p}: its session, assigned (and, unless {@code withReassigning}, not waiting for
   * a new assignment after a dispute), kind, priority, days of the first assignment, and the agencies asked for.
   */
  private String where(HandlingFilter filter, Map<String, Object> params, boolean withReassigning,
      String agencyColumn) {
    StringBuilder where = new StringBuilder("p.session_code = :session AND p.first_assigned_at IS NOT NULL");
    params.put("session", filter.session());
    params.put("today", filter.today());
    if (!withReassigning) {
      where.append(" AND p.status <> 'ASSIGNING'");
    }
    if (filter.kind() != null) {
      where.append(" AND p.kind = :kind");
      params.put("kind", filter.kind().name());
    }
    if (filter.priority() != null) {
      where.append(" AND p.priority = :priority");
      params.put("priority", filter.priority().name());
    }
    ZoneId zoneId = ZoneId.of(zone);
    if (filter.assignedFrom() != null) {
      where.append(" AND p.first_assigned_at >= :assignedFrom");
      params.put("assignedFrom", Rows.at(filter.assignedFrom().atStartOfDay(zoneId).toInstant()));
    }
    if (filter.assignedTo() != null) {
      where.append(" AND p.first_assigned_at < :assignedUntil");
      params.put("assignedUntil", Rows.at(filter.assignedTo().plusDays(1).atStartOfDay(zoneId).toInstant()));
    }
    if (filter.agencies() != null) {
      where.append(" AND ").append(agencyColumn).append(" IN (:agencies)");
      params.put("agencies", filter.agencies().isEmpty() ? List.of("") : List.copyOf(filter.agencies()));
    }
    return where.toString();
  }

  private static String sums(HandlingCount.Scope scope) {
    return HandlingCount.of(scope).stream()
        .map(count -> "COUNT(*) FILTER (WHERE " + count.condition() + ") AS " + column(count))
        .collect(Collectors.joining(", "));
  }

  private static void read(ResultSet rs, HandlingCount.Scope scope, Map<HandlingCount, Long> into)
      throws SQLException {
    for (HandlingCount count : HandlingCount.of(scope)) {
      into.put(count, rs.getLong(column(count)));
    }
  }

  private static String column(HandlingCount count) {
    return count.name().toLowerCase(Locale.ROOT);
  }

  private static HandlingItem item(ResultSet rs) throws SQLException {
    return new HandlingItem(
        rs.getString("id"),
        rs.getString("session_code"),
        ProposalKind.valueOf(rs.getString("kind")),
        (Integer) rs.getObject("case_number"),
        rs.getString("title"),
        Priority.valueOf(rs.getString("priority")),
        ProposalStatus.valueOf(rs.getString("status")),
        rs.getString("agency_code"),
        Rows.instant(rs, "first_assigned_at"),
        rs.getObject("reply_due", LocalDate.class),
        rs.getObject("first_reply_date", LocalDate.class),
        rs.getObject("first_reply_deadline", LocalDate.class),
        Rows.enumOrNull(Classification.class, rs, "classification"),
        Rows.enumOrNull(CommunicationMethod.class, rs, "communication_method"),
        Rows.enumOrNull(Satisfaction.class, rs, "first_satisfaction"),
        Rows.enumOrNull(Satisfaction.class, rs, "satisfaction"),
        Rows.enumOrNull(Classification.class, rs, "final_classification"),
        rs.getObject("progress_due", LocalDate.class),
        Rows.enumOrNull(CoOpinionStatus.class, rs, "co_status"),
        rs.getObject("co_due", LocalDate.class),
        rs.getString("process_instance_id"));
  }
}
