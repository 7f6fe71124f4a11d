package cn.renda.proposals.proposal;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.proposal.ProposalViews.AgencyRef;
import cn.renda.proposals.proposal.ProposalViews.Coded;
import cn.renda.proposals.proposal.ProposalViews.Person;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads proposals for the API: what the caller may see, and nothing else. */
@Service
@Transactional(readOnly = true)
public class ProposalQueries {

  private static final String OWED = ProposalStatus.replyOwedStatuses().stream()
      .map(s -> "'" + s.name() + "'")
      .collect(Collectors.joining(","));

  private final JdbcClient jdbc;
  private final ProposalRecords records;
  private final AssignmentRounds rounds;
  private final Replies replies;
  private final CoOpinions coOpinions;
  private final Feedbacks feedbacks;
  private final Timeline timeline;
  private final AgencyDirectory agencies;
  private final Clock clock;
  private final CoSignatures coSignatures;

  public ProposalQueries(JdbcClient jdbc, ProposalRecords records, AssignmentRounds rounds, Replies replies,
      CoOpinions coOpinions, Feedbacks feedbacks, Timeline timeline, AgencyDirectory agencies, Clock clock,
      CoSignatures coSignatures) {
    this.jdbc = jdbc;
    this.records = records;
    this.rounds = rounds;
    this.replies = replies;
    this.coOpinions = coOpinions;
    this.feedbacks = feedbacks;
    this.timeline = timeline;
    this.agencies = agencies;
    this.clock = clock;
    this.coSignatures = coSignatures;
  }

  /** A page of the proposals the caller may see, newest first. */
  public ProposalViews.Page<ProposalViews.Summary> list(CurrentUser user, ProposalFilter filter, int page, int size) {
    return query(user, filter, (long) page * size, size, page);
  }

  /**
   * Every proposal of the list (the same filters and the same visibility, in the same order), up to {@code max}: what
   * an export holds. The page's total tells whether there were more.
   */
  public ProposalViews.Page<ProposalViews.Summary> all(CurrentUser user, ProposalFilter filter, int max) {
    return query(user, filter, 0, max, 0);
  }

  private ProposalViews.Page<ProposalViews.Summary> query(CurrentUser user, ProposalFilter filter, long offset,
      int size, int page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (!user.seesEverything()) {
      // the few proposals of the caller, found from the caller's side (their deputy, their agencies' assignments),
      // so that neither the count nor the page looks at every proposal
      where.append(" AND p.id IN (SELECT v.id FROM proposal v WHERE v.lead_deputy = :user"
          + " UNION SELECT c.proposal_id FROM proposal_co_signer c WHERE c.deputy_id = :user"
          + " AND c.answer NOT IN ('DECLINED', 'NO_ANSWER')"
          + " UNION SELECT a.proposal_id FROM proposal_agency a JOIN proposal r ON r.id = a.proposal_id"
          + " AND r.assignment_round = a.round WHERE a.agency_code IN (:myAgencies))");
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
    params.put("offset", offset);
    // the page in one query: a summary needs neither the texts nor anything but the main row and a count
    List<ProposalViews.Summary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM proposal p" + where
            + " ORDER BY p.submitted_at DESC, p.id LIMIT :limit OFFSET :offset")
        .params(params)
        .query((rs, row) -> summary(rs))
        .list();
    return new ProposalViews.Page<>(items, page, size, total);
  }

  /** What the caller may see of the proposal; empty when the proposal does not exist or is not visible at all. */
  public Optional<ProposalAccess> access(CurrentUser user, String id) {
    return records.find(id).map(record -> ProposalAccess.of(user, record, rounds.currentCoAgencies(record)))
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
    List<AssignmentRounds.Assigned> round = rounds.of(record.id(), record.assignmentRound());
    List<String> coAgencies = round.stream().filter(a -> a.role() == AgencyRole.CO)
        .map(AssignmentRounds.Assigned::agencyCode).toList();
    ProposalAccess access = ProposalAccess.of(user, record, coAgencies);
    if (!access.any()) {
      return Optional.empty();
    }
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
        person(record, record.leadDeputy()),
        record.coSigners().stream().map(deputy -> person(record, deputy)).toList(),
        access.office() ? record.submittedBy() : null,
        record.submittedAt(),
        access.office() || access.deputy() ? record.reviewComment() : null,
        round.stream().map(a -> new ProposalViews.Assignment(a.agencyCode(), agencies.nameOf(a.agencyCode()),
            a.role().name())).toList(),
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
        timeline(record, access),
        coSignatures.of(record.id()).stream()
            .map(signature -> new ProposalViews.CoSignature(new Person(signature.deputy(),
                signature.name() == null || signature.name().isBlank() ? signature.deputy() : signature.name()),
                Coded.of(signature.answer()), signature.answeredAt(), access.office() ? signature.recordedBy() : null))
            .toList()));
  }

  private static final String SUMMARY_COLUMNS = """
      p.id, p.session_code, p.kind, p.case_number, p.title, p.priority, p.status, p.lead_deputy,
      p.lead_deputy_name, p.lead_agency, p.reply_due, p.submitted_at, p.published_at,
      (SELECT COUNT(*) FROM proposal_co_signer c
       WHERE c.proposal_id = p.id AND c.answer NOT IN ('DECLINED', 'NO_ANSWER')) AS co_signers""";

  private ProposalViews.Summary summary(ResultSet rs) throws SQLException {
    String deputy = rs.getString("lead_deputy");
    String name = rs.getString("lead_deputy_name");
    ProposalStatus status = ProposalStatus.valueOf(rs.getString("status"));
    LocalDate replyDue = rs.getObject("reply_due", LocalDate.class);
    return new ProposalViews.Summary(rs.getString("id"), rs.getString("session_code"),
        Coded.of(ProposalKind.valueOf(rs.getString("kind"))), (Integer) rs.getObject("case_number"),
        rs.getString("title"), Coded.of(Priority.valueOf(rs.getString("priority"))), Coded.of(status),
        deputy == null ? null : new Person(deputy, name == null || name.isBlank() ? deputy : name),
        rs.getInt("co_signers"),
        agency(rs.getString("lead_agency")), replyDue, overdue(replyDue, status), Rows.instant(rs, "submitted_at"),
        Rows.instant(rs, "published_at"));
  }

  private boolean overdue(ProposalRecord record) {
    return overdue(record.replyDue(), record.status());
  }

  private boolean overdue(LocalDate replyDue, ProposalStatus status) {
    return replyDue != null && replyDue.isBefore(today()) && status.replyOwed();
  }

  private List<ProposalViews.Reply> replies(ProposalRecord record, ProposalAccess access) {
    boolean internals = access.seesInternals();
    return replies.versions(record.id()).stream()
        .filter(reply -> internals || reply.delivered())
        .map(reply -> new ProposalViews.Reply(
            reply.version(),
            reply.rehandlingRound(),
            reply.status().name(),
            reply.text(),
            Coded.of(reply.classification()),
            Coded.of(reply.communicationMethod()),
            reply.contactPerson(),
            reply.contactPhone(),
            reply.publishable(),
            reply.plannedResolutionDate(),
            agency(reply.issuerCode()),
            internals ? reply.draftedBy() : null,
            reply.draftedAt(),
            internals ? reply.signedBy() : null,
            reply.signedAt(),
            internals ? reply.signOffComment() : null,
            reply.replyDate()))
        .toList();
  }

  private List<ProposalViews.CoOpinion> coOpinions(ProposalRecord record, ProposalAccess access) {
    if (!access.office() && !access.leadAgency() && !access.coAgency()) {
      return List.of();
    }
    return coOpinions.all(record.id()).stream()
        // a co-agency sees its own opinion only
        .filter(opinion -> access.seesInternals() || access.ownAgencies().contains(opinion.agencyCode()))
        .map(opinion -> new ProposalViews.CoOpinion(agency(opinion.agencyCode()), opinion.round(),
            opinion.status().name(), opinion.text(), opinion.due(), opinion.submittedBy(), opinion.submittedAt()))
        .toList();
  }

  private List<ProposalViews.Feedback> feedback(ProposalRecord record) {
    List<Replies.Reply> versions = replies.versions(record.id());
    return feedbacks.of(record.id()).stream()
        .map(f -> {
          CommunicationMethod recorded = versions.stream()
              .filter(reply -> reply.rehandlingRound() == f.round() && reply.delivered())
              .reduce((first, second) -> second).map(Replies.Reply::communicationMethod).orElse(null);
          DeputyCommunication told = f.deputyCommunication();
          return new ProposalViews.Feedback(f.round(), Coded.of(f.satisfaction()), f.comment(), f.givenBy(),
              f.givenAt(), Coded.of(told), Coded.of(recorded), told == null ? null : !told.agreesWith(recorded));
        })
        .toList();
  }

  private List<ProposalViews.TimelineEntry> timeline(ProposalRecord record, ProposalAccess access) {
    return timeline.of(record.id(), access.seesInternals()).stream()
        .map(entry -> new ProposalViews.TimelineEntry(entry.at(), entry.actor(), entry.action().name(),
            entry.action().label(), entry.detail()))
        .toList();
  }

  private static Person person(ProposalRecord record, String deputy) {
    return deputy == null ? null : new Person(deputy, record.nameOf(deputy));
  }

  private AgencyRef agency(String code) {
    return code == null ? null : new AgencyRef(code, agencies.nameOf(code));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
