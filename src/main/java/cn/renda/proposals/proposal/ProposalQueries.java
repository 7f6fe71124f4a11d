package cn.renda.proposals.proposal;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.identity.DeputyDirectory;
import cn.renda.proposals.proposal.ProposalViews.AgencyRef;
import cn.renda.proposals.proposal.ProposalViews.Coded;
import cn.renda.proposals.proposal.ProposalViews.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads proposals for the API: what the caller may see, and nothing else. */
@Service
@Transactional(readOnly = true)
public class ProposalQueries {

  /** Statuses in which the reply is still owed: past the reply deadline they are overdue. */
  public static final Set<ProposalStatus> REPLY_OWED = EnumSet.of(ProposalStatus.AWAITING_ACCEPTANCE,
      ProposalStatus.CO_OPINIONS, ProposalStatus.DRAFTING, ProposalStatus.EXTENSION_REQUESTED,
      ProposalStatus.SIGN_OFF, ProposalStatus.REHANDLING);

  private static final String OWED = REPLY_OWED.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));

  private final JdbcClient jdbc;
  private final ProposalRecords records;
  private final AgencyDirectory agencies;
  private final DeputyDirectory deputies;
  private final Clock clock;

  public ProposalQueries(
      JdbcClient jdbc, ProposalRecords records, AgencyDirectory agencies, DeputyDirectory deputies, Clock clock) {
    this.jdbc = jdbc;
    this.records = records;
    this.agencies = agencies;
    this.deputies = deputies;
    this.clock = clock;
  }

  /** A page of the proposals the caller may see, newest first. */
  public ProposalViews.Page<ProposalViews.Summary> list(CurrentUser user, ProposalFilter filter, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (!user.seesEverything()) {
      where.append(" AND (p.lead_deputy = :user"
          + " OR EXISTS (SELECT 1 FROM proposal_co_signer c WHERE c.proposal_id = p.id AND c.deputy_id = :user)"
          + " OR EXISTS (SELECT 1 FROM proposal_agency a WHERE a.proposal_id = p.id AND a.round = p.assignment_round"
          + " AND a.agency_code IN (:myAgencies)))");
      params.put("user", user.id());
      params.put("myAgencies", user.agencyCodes().isEmpty() ? List.of("") : List.copyOf(user.agencyCodes()));
    }
    if (filter.session() != null) {
      where.append(" AND p.session_code = :session");
      params.put("session", filter.session());
    }
    if (filter.kind() != null) {
      where.append(" AND p.kind = :kind");
      params.put("kind", filter.kind().name());
    }
    if (filter.status() != null) {
      where.append(" AND p.status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.priority() != null) {
      where.append(" AND p.priority = :priority");
      params.put("priority", filter.priority().name());
    }
    if (filter.agency() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM proposal_agency f WHERE f.proposal_id = p.id"
          + " AND f.round = p.assignment_round AND f.agency_code = :agency)");
      params.put("agency", filter.agency());
    }
    if (filter.overdue() != null) {
      String overdue = "(p.reply_due < :today AND p.status IN (" + OWED + "))";
      where.append(filter.overdue() ? " AND " + overdue : " AND NOT " + overdue);
      params.put("today", today());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      int i = 0;
      for (String word : filter.text().strip().split("\\s+")) {
        String key = "text" + i++;
        where.append(" AND (LOWER(p.title) LIKE :" + key + " ESCAPE '\\' OR LOWER(p.content) LIKE :" + key
            + " ESCAPE '\\')");
        params.put(key, "%" + escapeLike(word.toLowerCase(Locale.ROOT)) + "%");
      }
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM proposal p" + where).params(params).query(Long.class).single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<ProposalRecord> rows = jdbc.sql("SELECT p.id FROM proposal p" + where
            + " ORDER BY p.submitted_at DESC, p.id LIMIT :limit OFFSET :offset")
        .params(params)
        .query(String.class)
        .list()
        .stream()
        .map(records::get)
        .toList();
    Map<String, String> names = deputyNames();
    List<ProposalViews.Summary> items = rows.stream().map(record -> summary(record, names)).toList();
    return new ProposalViews.Page<>(items, page, size, total);
  }

  /** What the caller may see of the proposal; empty when the proposal does not exist or is not visible at all. */
  public Optional<ProposalAccess> access(CurrentUser user, String id) {
    return records.find(id).map(record -> ProposalAccess.of(user, record,
            records.coAgencies(record.id(), record.assignmentRound())))
        .filter(ProposalAccess::any);
  }

  /**
   * The record as the caller may see it; empty when the caller may not see it at all. Alerts are left empty here:
   * they belong to the alert feature, which adds them ({@link ProposalViews.Detail#withAlerts}).
   */
  public Optional<ProposalViews.Detail> detail(CurrentUser user, String id) {
    Optional<ProposalRecord> found = records.find(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ProposalRecord record = found.get();
    List<ProposalViews.Assignment> assignment = currentAssignment(record);
    List<String> coAgencies = assignment.stream().filter(a -> a.role().equals("CO")).map(a -> a.code()).toList();
    ProposalAccess access = ProposalAccess.of(user, record, coAgencies);
    if (!access.any()) {
      return Optional.empty();
    }
    Map<String, String> names = deputyNames();
    return Optional.of(new ProposalViews.Detail(
        record.id(),
        record.session(),
        Coded.of(record.kind()),
        Coded.of(record.submittedKind()),
        record.caseNumber(),
        record.title(),
        record.content(),
        Coded.of(record.priority()),
        Coded.of(record.status()),
        person(record.leadDeputy(), names),
        record.coSigners().stream().map(id2 -> person(id2, names)).toList(),
        access.office() ? record.submittedBy() : null,
        record.submittedAt(),
        access.office() || access.deputy() ? record.reviewComment() : null,
        assignment,
        agency(record.replyIssuer()),
        record.replyDue(),
        record.coOpinionDue(),
        overdue(record),
        record.rehandlingRound(),
        Coded.of(record.satisfaction()),
        Coded.of(record.finalClassification()),
        record.progressDue(),
        record.closedAt(),
        record.publishedAt(),
        replies(record, access),
        coOpinions(record, access),
        access.office() || access.leadAgency() || access.deputy() ? feedback(record) : List.of(),
        List.of(),
        timeline(record, access)));
  }

  private ProposalViews.Summary summary(ProposalRecord record, Map<String, String> names) {
    return new ProposalViews.Summary(record.id(), record.session(), Coded.of(record.kind()), record.caseNumber(),
        record.title(), Coded.of(record.priority()), Coded.of(record.status()), person(record.leadDeputy(), names),
        record.coSigners().size(), agency(record.leadAgency()), record.replyDue(), overdue(record),
        record.submittedAt(), record.publishedAt());
  }

  private boolean overdue(ProposalRecord record) {
    return record.replyDue() != null && record.replyDue().isBefore(today()) && REPLY_OWED.contains(record.status());
  }

  private List<ProposalViews.Assignment> currentAssignment(ProposalRecord record) {
    return jdbc.sql("""
            SELECT agency_code, role FROM proposal_agency WHERE proposal_id = ? AND round = ? ORDER BY position""")
        .params(record.id(), record.assignmentRound())
        .query((rs, row) -> {
          String code = rs.getString("agency_code");
          return new ProposalViews.Assignment(code, agencyName(code), rs.getString("role"));
        })
        .list();
  }

  private List<ProposalViews.Reply> replies(ProposalRecord record, ProposalAccess access) {
    String visible = access.seesInternals() ? "" : " AND status = 'APPROVED' AND reply_date IS NOT NULL";
    return jdbc.sql("SELECT * FROM reply WHERE proposal_id = ?" + visible + " ORDER BY version")
        .param(record.id())
        .query((rs, row) -> new ProposalViews.Reply(
            rs.getInt("version"),
            rs.getInt("rehandling_round"),
            rs.getString("status"),
            rs.getString("text"),
            Coded.of(ProposalRecords.enumOrNull(Classification.class, rs.getString("classification"))),
            Coded.of(ProposalRecords.enumOrNull(CommunicationMethod.class, rs.getString("communication_method"))),
            rs.getString("contact_person"),
            rs.getString("contact_phone"),
            rs.getBoolean("publishable"),
            rs.getObject("planned_resolution_date", LocalDate.class),
            agency(rs.getString("issuer_code")),
            access.seesInternals() ? rs.getString("drafted_by") : null,
            ProposalRecords.instant(rs, "drafted_at"),
            access.seesInternals() ? rs.getString("signed_by") : null,
            ProposalRecords.instant(rs, "signed_at"),
            access.seesInternals() ? rs.getString("sign_off_comment") : null,
            rs.getObject("reply_date", LocalDate.class)))
        .list();
  }

  private List<ProposalViews.CoOpinion> coOpinions(ProposalRecord record, ProposalAccess access) {
    if (!access.office() && !access.leadAgency() && !access.coAgency()) {
      return List.of();
    }
    List<ProposalViews.CoOpinion> all = jdbc.sql("""
            SELECT * FROM co_opinion WHERE proposal_id = ? ORDER BY round, agency_code""")
        .param(record.id())
        .query((rs, row) -> new ProposalViews.CoOpinion(agency(rs.getString("agency_code")), rs.getInt("round"),
            rs.getString("status"), rs.getString("text"), rs.getObject("due", LocalDate.class),
            rs.getString("submitted_by"), ProposalRecords.instant(rs, "submitted_at")))
        .list();
    if (access.seesInternals()) {
      return all;
    }
    // a co-agency sees its own opinion only
    return all.stream().filter(o -> access.ownAgencies().contains(o.agency().code())).toList();
  }

  private List<ProposalViews.Feedback> feedback(ProposalRecord record) {
    return jdbc.sql("SELECT * FROM feedback WHERE proposal_id = ? ORDER BY round")
        .param(record.id())
        .query((rs, row) -> new ProposalViews.Feedback(rs.getInt("round"),
            Coded.of(Satisfaction.valueOf(rs.getString("satisfaction"))), rs.getString("comment"),
            rs.getString("given_by"), ProposalRecords.instant(rs, "given_at")))
        .list();
  }

  private List<ProposalViews.TimelineEntry> timeline(ProposalRecord record, ProposalAccess access) {
    String visible = access.seesInternals() ? "" : " AND internal = FALSE";
    return jdbc.sql("SELECT * FROM timeline_event WHERE proposal_id = ?" + visible + " ORDER BY id")
        .param(record.id())
        .query((rs, row) -> {
          TimelineAction action = TimelineAction.valueOf(rs.getString("action"));
          return new ProposalViews.TimelineEntry(ProposalRecords.instant(rs, "occurred_at"), rs.getString("actor"),
              action.name(), action.label(), rs.getString("detail"));
        })
        .list();
  }

  private Map<String, String> deputyNames() {
    return deputies.names();
  }

  private static Person person(String id, Map<String, String> names) {
    return id == null ? null : new Person(id, names.getOrDefault(id, id));
  }

  private AgencyRef agency(String code) {
    return code == null ? null : new AgencyRef(code, agencyName(code));
  }

  private String agencyName(String code) {
    return agencies.find(code).map(Agency::name).orElse(code);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
