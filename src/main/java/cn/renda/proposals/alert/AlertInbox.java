package cn.renda.proposals.alert;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts people see and acknowledge. A user sees the alerts addressed to them or to one of their groups (an
 * agency only its own); the supervisors (government and congress office) also see every overdue alert. An alert
 * someone may not see does not exist for them.
 */
@Service
@Transactional(readOnly = true)
public class AlertInbox {

  /** Open (not acknowledged) or acknowledged alerts. */
  public enum Status {
    OPEN,
    ACKNOWLEDGED
  }

  private static final List<String> OVERDUE_KINDS =
      Arrays.stream(AlertKind.values()).filter(AlertKind::overdue).map(Enum::name).toList();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final AgencyDirectory agencies;

  public AlertInbox(JdbcClient jdbc, Clock clock, ProposalRecords records, AgencyDirectory agencies) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.agencies = agencies;
  }

  /** The caller's alerts, open first, then newest first. */
  public List<AlertView> visibleTo(CurrentUser user, Status status, String proposalId, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(visibility(user, params));
    if (status != null) {
      where.append(status == Status.OPEN ? " AND a.acknowledged_at IS NULL" : " AND a.acknowledged_at IS NOT NULL");
    }
    if (proposalId != null) {
      where.append(" AND a.proposal_id = ?");
      params.add(proposalId);
    }
    params.add(limit);
    return query(where + " ORDER BY CASE WHEN a.acknowledged_at IS NULL THEN 0 ELSE 1 END, a.raised_at DESC, a.id"
        + " LIMIT ?", params);
  }

  /**
   * Acknowledges the alert for everyone it is addressed to. Acknowledging it again changes nothing: the first
   * acknowledgement stays.
   *
   * @throws NotFoundException if there is no such alert or the caller may not see it
   */
  @Transactional
  public AlertView acknowledge(String alertId, CurrentUser user) {
    find(alertId, user).orElseThrow(() -> new NotFoundException("alert " + alertId));
    jdbc.sql("UPDATE alert SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL")
        .params(user.id(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), alertId)
        .update();
    return find(alertId, user).orElseThrow(() -> new NotFoundException("alert " + alertId));
  }

  private Optional<AlertView> find(String alertId, CurrentUser user) {
    List<Object> params = new ArrayList<>();
    String where = visibility(user, params) + " AND a.id = ?";
    params.add(alertId);
    return query(where, params).stream().findFirst();
  }

  /** Addressed to the user or one of their groups; for supervisors also every overdue alert. */
  private static String visibility(CurrentUser user, List<Object> params) {
    List<String> conditions = new ArrayList<>();
    List<String> names = new ArrayList<>(user.groups());
    names.add(user.id());
    for (String name : names) {
      conditions.add("POSITION(? IN ',' || a.recipients || ',') > 0");
      params.add("," + name + ",");
    }
    if (user.seesEverything()) {
      conditions.add("a.kind IN (" + OVERDUE_KINDS.stream().map(kind -> "'" + kind + "'").collect(
          Collectors.joining(", ")) + ")");
    }
    return "(" + String.join(" OR ", conditions) + ")";
  }

  private List<AlertView> query(String where, List<Object> params) {
    List<AlertView> alerts = jdbc.sql("SELECT a.* FROM alert a WHERE " + where)
        .params(params)
        .query((rs, row) -> map(rs))
        .list();
    if (alerts.isEmpty()) {
      return alerts;
    }
    // what the alerts are about: the proposals' case numbers and titles, the agencies' names (their features' data)
    Map<String, ProposalRecords.Headline> headlines =
        records.headlines(alerts.stream().map(AlertView::proposalId).filter(Objects::nonNull).distinct().toList());
    Map<String, List<AlertView.Delivery>> deliveries = deliveries(alerts.stream().map(AlertView::id).toList());
    return alerts.stream()
        .map(a -> {
          ProposalRecords.Headline about = headlines.get(a.proposalId());
          return new AlertView(a.id(), a.proposalId(), about == null ? null : about.caseNumber(),
              about == null ? null : about.title(), a.kind(), a.kindLabel(), a.subject(),
              a.proposalId() == null ? a.subject() : agencies.nameOf(a.subject()),
              a.deadline(), a.repetition(), a.recipients(), a.message(), a.raisedAt(), a.open(), a.acknowledgedBy(),
              a.acknowledgedAt(), a.daysOverdue(), deliveries.getOrDefault(a.id(), List.of()));
        })
        .toList();
  }

  private Map<String, List<AlertView.Delivery>> deliveries(List<String> alertIds) {
    Map<String, List<AlertView.Delivery>> byAlert = new LinkedHashMap<>();
    String marks = alertIds.stream().map(id -> "?").collect(Collectors.joining(", "));
    jdbc.sql("""
            SELECT n.alert_id, d.channel, d.status, d.attempts, d.sent_at
            FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
            WHERE n.alert_id IN (""" + marks + ") ORDER BY n.created_at, d.channel, d.id")
        .params(new ArrayList<Object>(alertIds))
        .query(rs -> {
          byAlert.computeIfAbsent(rs.getString("alert_id"), id -> new ArrayList<>())
              .add(new AlertView.Delivery(Channel.valueOf(rs.getString("channel")),
                  DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "sent_at")));
        });
    return byAlert;
  }

  private AlertView map(ResultSet rs) throws SQLException {
    AlertKind kind = AlertKind.valueOf(rs.getString("kind"));
    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
    Instant acknowledgedAt = instant(rs, "acknowledged_at");
    Long daysOverdue = null;
    if (kind.overdue()) {
      LocalDate asOf = (acknowledgedAt == null ? clock.instant() : acknowledgedAt).atZone(clock.getZone())
          .toLocalDate();
      daysOverdue = Math.max(0, ChronoUnit.DAYS.between(deadline, asOf));
    }
    String recipients = rs.getString("recipients");
    return new AlertView(
        rs.getString("id"),
        rs.getString("proposal_id"),
        null,
        null,
        kind,
        kind.label(),
        rs.getString("subject"),
        null,
        deadline,
        rs.getInt("repetition"),
        recipients == null || recipients.isBlank() ? List.of() : List.of(recipients.split(",")),
        rs.getString("message"),
        instant(rs, "raised_at"),
        acknowledgedAt == null,
        rs.getString("acknowledged_by"),
        acknowledgedAt,
        daysOverdue,
        List.of());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
