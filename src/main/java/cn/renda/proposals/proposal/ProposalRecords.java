package cn.renda.proposals.proposal;

import cn.renda.proposals.platform.Actors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the proposal record. Every method is one step of the lifecycle and runs inside the transaction of the
 * process step that causes it (it never starts one of its own), so record and process never disagree.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ProposalRecords {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CaseNumbers caseNumbers;

  public ProposalRecords(JdbcClient jdbc, Clock clock, CaseNumbers caseNumbers) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.caseNumbers = caseNumbers;
  }

  // --- submission and review -------------------------------------------------------------------------------

  /** Stores a validated submission; answers the new record's id. */
  public String submit(NewProposal proposal, String actor) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            INSERT INTO proposal (id, session_code, kind, submitted_kind, title, content, priority, status,
                                  lead_deputy, submitted_by, submitted_at)
            VALUES (:id, :session, :kind, :kind, :title, :content, 'NORMAL', :status, :leadDeputy, :actor, :now)""")
        .param("id", id)
        .param("session", proposal.session())
        .param("kind", proposal.kind().name())
        .param("title", proposal.title())
        .param("content", proposal.content())
        .param("status", ProposalStatus.SUBMITTED.name())
        .param("leadDeputy", proposal.leadDeputy())
        .param("actor", actor)
        .param("now", now())
        .update();
    int position = 0;
    for (String coSigner : proposal.coSigners()) {
      jdbc.sql("INSERT INTO proposal_co_signer (proposal_id, deputy_id, position) VALUES (?, ?, ?)")
          .params(id, coSigner, position++)
          .update();
    }
    timeline(id, actor, TimelineAction.SUBMITTED, proposal.kind().label() + "：" + proposal.title());
    return id;
  }

  public void linkProcessInstance(String id, String processInstanceId) {
    jdbc.sql("UPDATE proposal SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
  }

  /**
   * Accepts the proposal (立案), as submitted or converted to a suggestion, and gives it the next case number of its
   * session and (final) kind. Answers the case number.
   */
  public int accept(String id, boolean convertToSuggestion, Priority priority, String comment, String actor) {
    ProposalRecord record = get(id);
    ProposalKind kind = convertToSuggestion ? ProposalKind.SUGGESTION : record.kind();
    int caseNumber = caseNumbers.next(record.session(), kind);
    jdbc.sql("""
            UPDATE proposal SET kind = ?, case_number = ?, priority = ?, review_comment = ?, reviewed_at = ?,
                                status = ?
            WHERE id = ?""")
        .params(kind.name(), caseNumber, priority.name(), comment, now(), ProposalStatus.ASSIGNING.name(), id)
        .update();
    String detail = "案号 " + caseNumber + "，类别：" + priority.label();
    timeline(id, actor, convertToSuggestion ? TimelineAction.CONVERTED : TimelineAction.ACCEPTED, detail);
    return caseNumber;
  }

  public void reject(String id, String comment, String actor) {
    jdbc.sql("UPDATE proposal SET status = ?, review_comment = ?, reviewed_at = ?, closed_at = ? WHERE id = ?")
        .params(ProposalStatus.REJECTED.name(), comment, now(), now(), id)
        .update();
    timeline(id, actor, TimelineAction.REJECTED, comment);
  }

  // --- assignment -------------------------------------------------------------------------------------------

  /**
   * Records an assignment round (交办). The reply deadline is set on the first assignment and kept on later rounds
   * (a dispute does not stop the clock) unless {@code newReplyDue} is given.
   */
  public void assign(
      String id,
      String leadAgency,
      List<String> coAgencies,
      String replyIssuer,
      LocalDate replyDue,
      LocalDate coOpinionDue,
      String actor) {
    ProposalRecord record = get(id);
    int round = record.assignmentRound() + 1;
    Instant at = clock.instant();
    insertAgency(id, round, leadAgency, "LEAD", 0, actor, at);
    int position = 1;
    for (String coAgency : coAgencies) {
      insertAgency(id, round, coAgency, "CO", position++, actor, at);
    }
    jdbc.sql("""
            UPDATE proposal SET assignment_round = ?, lead_agency = ?, reply_issuer = ?, assigned_at = ?,
                                first_assigned_at = COALESCE(first_assigned_at, ?), reply_due = ?, co_opinion_due = ?,
                                status = ?
            WHERE id = ?""")
        .params(round, leadAgency, replyIssuer, at(at), at(at), replyDue, coOpinionDue,
            ProposalStatus.AWAITING_ACCEPTANCE.name(), id)
        .update();
    String detail = "主办单位：" + leadAgency + (coAgencies.isEmpty() ? "" : "；协办单位：" + String.join("、", coAgencies))
        + "；答复期限：" + replyDue;
    timeline(id, actor, TimelineAction.ASSIGNED, detail);
  }

  private void insertAgency(String id, int round, String agency, String role, int position, String actor, Instant at) {
    jdbc.sql("""
            INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by, assigned_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, round, agency, role, position, actor, at(at))
        .update();
  }

  /** The lead agency takes the assignment (签收), explicitly or by letting the dispute window pass. */
  public void acceptAssignment(String id, boolean tacitly, String actor) {
    ProposalRecord record = get(id);
    List<String> coAgencies = coAgencies(id, record.assignmentRound());
    for (String coAgency : coAgencies) {
      jdbc.sql("""
              INSERT INTO co_opinion (id, proposal_id, round, agency_code, status, due)
              VALUES (?, ?, ?, ?, 'OPEN', ?)""")
          .params(UUID.randomUUID().toString(), id, record.assignmentRound(), coAgency, record.coOpinionDue())
          .update();
    }
    setStatus(id, coAgencies.isEmpty() ? ProposalStatus.DRAFTING : ProposalStatus.CO_OPINIONS);
    timeline(id, actor, tacitly ? TimelineAction.ASSIGNMENT_ACCEPTED_TACITLY : TimelineAction.ASSIGNMENT_ACCEPTED,
        record.leadAgency());
  }

  public void dispute(String id, String reason, String actor) {
    setStatus(id, ProposalStatus.ASSIGNING);
    timeline(id, actor, TimelineAction.DISPUTED, reason);
  }

  /** Co-agencies of an assignment round, in the order given. */
  public List<String> coAgencies(String id, int round) {
    return jdbc.sql("""
            SELECT agency_code FROM proposal_agency WHERE proposal_id = ? AND round = ? AND role = 'CO'
            ORDER BY position""")
        .params(id, round)
        .query(String.class)
        .list();
  }

  // --- co-opinions ------------------------------------------------------------------------------------------

  public void coOpinion(String id, String agency, String text, String actor) {
    int updated = jdbc.sql("""
            UPDATE co_opinion SET text = ?, status = 'SUBMITTED', submitted_by = ?, submitted_at = ?
            WHERE proposal_id = ? AND agency_code = ? AND status = 'OPEN'
              AND round = (SELECT assignment_round FROM proposal WHERE id = ?)""")
        .params(text, actor, now(), id, agency, id)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("No open co-opinion of " + agency + " for proposal " + id);
    }
    timeline(id, actor, TimelineAction.CO_OPINION_GIVEN, agency);
  }

  public void coOpinionLate(String id, String agency) {
    jdbc.sql("""
            UPDATE co_opinion SET status = 'LATE'
            WHERE proposal_id = ? AND agency_code = ? AND status = 'OPEN'
              AND round = (SELECT assignment_round FROM proposal WHERE id = ?)""")
        .params(id, agency, id)
        .update();
    timeline(id, Actors.SYSTEM, TimelineAction.CO_OPINION_LATE, agency);
  }

  /** Drafting begins (a rehandling round keeps its status 重新办理 until the new reply is drafted). */
  public void startDrafting(String id) {
    jdbc.sql("UPDATE proposal SET status = ? WHERE id = ? AND status <> ?")
        .params(ProposalStatus.DRAFTING.name(), id, ProposalStatus.REHANDLING.name())
        .update();
  }

  // --- reply ------------------------------------------------------------------------------------------------

  /** Stores a new reply version (答复拟稿) and answers its version number. */
  public int draftReply(String id, ReplyDraft draft, String actor) {
    ProposalRecord record = get(id);
    int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM reply WHERE proposal_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
    jdbc.sql("""
            INSERT INTO reply (id, proposal_id, version, rehandling_round, agency_code, issuer_code, text,
                               classification, communication_method, contact_person, contact_phone, publishable,
                               planned_resolution_date, drafted_by, drafted_at, status)
            VALUES (:rid, :id, :version, :round, :agency, :issuer, :text, :classification, :communication,
                    :contactPerson, :contactPhone, :publishable, :planned, :actor, :now, 'DRAFT')""")
        .param("rid", UUID.randomUUID().toString())
        .param("id", id)
        .param("version", version)
        .param("round", record.rehandlingRound())
        .param("agency", record.leadAgency())
        .param("issuer", record.replyIssuer())
        .param("text", draft.text())
        .param("classification", draft.classification().name())
        .param("communication", draft.communicationMethod().name())
        .param("contactPerson", draft.contactPerson())
        .param("contactPhone", draft.contactPhone())
        .param("publishable", draft.publishable())
        .param("planned", draft.plannedResolutionDate())
        .param("actor", actor)
        .param("now", now())
        .update();
    setStatus(id, ProposalStatus.SIGN_OFF);
    timeline(id, actor, TimelineAction.REPLY_DRAFTED, "第" + version + "稿，类别标记 " + draft.classification());
    return version;
  }

  public void requestExtension(String id, String reason, LocalDate until, String actor) {
    ProposalRecord record = get(id);
    jdbc.sql("""
            INSERT INTO extension_request (id, proposal_id, reason, requested_until, previous_due, requested_by,
                                           requested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), id, reason, until, record.replyDue(), actor, now())
        .update();
    setStatus(id, ProposalStatus.EXTENSION_REQUESTED);
    timeline(id, actor, TimelineAction.EXTENSION_REQUESTED, "申请延期至 " + until + "：" + reason);
  }

  /** The date of the last approved extension request. */
  public LocalDate approvedExtension(String id) {
    return jdbc.sql("""
            SELECT requested_until FROM extension_request WHERE proposal_id = ? AND decision = 'APPROVE'
            ORDER BY decided_at DESC""")
        .param(id)
        .query(LocalDate.class)
        .stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No approved extension for proposal " + id));
  }

  /** The planned resolution date of the approved reply (B replies). */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<LocalDate> plannedResolutionDate(String id) {
    return jdbc.sql("""
            SELECT planned_resolution_date FROM reply
            WHERE proposal_id = ? AND status = 'APPROVED' AND planned_resolution_date IS NOT NULL
            ORDER BY version DESC""")
        .param(id)
        .query(LocalDate.class)
        .stream()
        .findFirst();
  }

  public void decideExtension(String id, boolean approve, String comment, String actor) {
    jdbc.sql("""
            UPDATE extension_request SET decision = ?, decided_by = ?, decided_at = ?, decision_comment = ?
            WHERE proposal_id = ? AND decision IS NULL""")
        .params(approve ? "APPROVE" : "REJECT", actor, now(), comment, id)
        .update();
    setStatus(id, ProposalStatus.DRAFTING);
    timeline(id, actor, approve ? TimelineAction.EXTENSION_APPROVED : TimelineAction.EXTENSION_REJECTED, comment);
  }

  /** Moves the reply deadline to the approved date. */
  public void extendReplyDeadline(String id, LocalDate newDue) {
    jdbc.sql("UPDATE proposal SET reply_due = ? WHERE id = ?").params(newDue, id).update();
    timeline(id, Actors.SYSTEM, TimelineAction.DEADLINE_EXTENDED, "答复期限延长至 " + newDue);
  }

  public void signOff(String id, boolean approve, String comment, String actor) {
    jdbc.sql("""
            UPDATE reply SET status = ?, signed_by = ?, signed_at = ?, sign_off_comment = ?
            WHERE proposal_id = ? AND status = 'DRAFT'""")
        .params(approve ? "APPROVED" : "RETURNED", actor, now(), comment, id)
        .update();
    setStatus(id, approve ? ProposalStatus.SIGN_OFF : ProposalStatus.DRAFTING);
    timeline(id, actor, approve ? TimelineAction.REPLY_APPROVED : TimelineAction.REPLY_RETURNED, comment);
  }

  /** Delivers the approved reply to the deputies and publishes the record if the reply may be published. */
  public void deliverReply(String id) {
    LocalDate today = LocalDate.now(clock);
    Boolean publishable = jdbc.sql("""
            SELECT publishable FROM reply WHERE proposal_id = ? AND status = 'APPROVED'
            ORDER BY version DESC""")
        .param(id)
        .query(Boolean.class)
        .stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No approved reply for proposal " + id));
    jdbc.sql("UPDATE reply SET reply_date = ? WHERE proposal_id = ? AND status = 'APPROVED' AND reply_date IS NULL")
        .params(today, id)
        .update();
    jdbc.sql("""
            UPDATE proposal SET status = ?, replied_at = ?, publishable = ?,
                                published_at = CASE WHEN ? THEN COALESCE(published_at, ?) ELSE published_at END
            WHERE id = ?""")
        .params(ProposalStatus.AWAITING_FEEDBACK.name(), now(), publishable, publishable, now(), id)
        .update();
    timeline(id, Actors.SYSTEM, TimelineAction.REPLY_DELIVERED, null);
    if (publishable) {
      timeline(id, Actors.SYSTEM, TimelineAction.PUBLISHED, null);
    }
  }

  // --- feedback, rehandling, supervision --------------------------------------------------------------------

  public void feedback(String id, Satisfaction satisfaction, String comment, String actor) {
    ProposalRecord record = get(id);
    jdbc.sql("""
            INSERT INTO feedback (id, proposal_id, round, satisfaction, comment, given_by, given_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), id, record.rehandlingRound(), satisfaction.name(), comment,
            satisfaction == Satisfaction.NO_RESPONSE ? null : actor, now())
        .update();
    ProposalStatus next = satisfaction != Satisfaction.DISSATISFIED
        ? ProposalStatus.EVALUATION
        : record.rehandlingRound() == 0 ? ProposalStatus.REHANDLING : ProposalStatus.UNDER_SUPERVISION;
    jdbc.sql("UPDATE proposal SET satisfaction = ?, status = ? WHERE id = ?")
        .params(satisfaction.name(), next.name(), id)
        .update();
    timeline(id, actor,
        satisfaction == Satisfaction.NO_RESPONSE ? TimelineAction.FEEDBACK_NO_RESPONSE : TimelineAction.FEEDBACK_GIVEN,
        satisfaction.label() + (comment == null || comment.isBlank() ? "" : "：" + comment));
  }

  /** Starts a new handling round after a dissatisfied deputy; the new reply is due on {@code replyDue}. */
  public int startRehandling(String id, LocalDate replyDue) {
    ProposalRecord record = get(id);
    int round = record.rehandlingRound() + 1;
    jdbc.sql("UPDATE proposal SET rehandling_round = ?, reply_due = ?, status = ? WHERE id = ?")
        .params(round, replyDue, ProposalStatus.REHANDLING.name(), id)
        .update();
    timeline(id, Actors.SYSTEM, TimelineAction.REHANDLING_STARTED, "第" + round + "次重新办理，答复期限：" + replyDue);
    return round;
  }

  public void superviseDissatisfaction(String id, boolean anotherRound, String comment, String actor) {
    if (!anotherRound) {
      setStatus(id, ProposalStatus.EVALUATION);
    }
    timeline(id, actor, TimelineAction.SUPERVISION_DECIDED, (anotherRound ? "再次办理" : "予以办结")
        + (comment == null || comment.isBlank() ? "" : "：" + comment));
  }

  // --- evaluation, follow-up, closing -----------------------------------------------------------------------

  public void evaluate(String id, Classification finalClassification, String comment, String actor) {
    jdbc.sql("UPDATE proposal SET final_classification = ?, evaluation_comment = ? WHERE id = ?")
        .params(finalClassification.name(), comment, id)
        .update();
    timeline(id, actor, TimelineAction.EVALUATED, "类别标记 " + finalClassification
        + (comment == null || comment.isBlank() ? "" : "：" + comment));
  }

  /** The follow-up (跟踪落实) of a B reply: the next progress report is due on {@code due}. */
  public void scheduleProgressReport(String id, LocalDate due) {
    jdbc.sql("UPDATE proposal SET progress_due = ?, status = ? WHERE id = ?")
        .params(due, ProposalStatus.FOLLOW_UP.name(), id)
        .update();
  }

  public void progressReport(String id, String report, boolean resolved, String actor) {
    ProposalRecord record = get(id);
    jdbc.sql("""
            INSERT INTO progress_report (id, proposal_id, report, resolved, due, reported_by, reported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), id, report, resolved, record.progressDue(), actor, now())
        .update();
    timeline(id, actor, TimelineAction.PROGRESS_REPORTED, (resolved ? "已解决：" : "") + report);
  }

  /** The promise of a B reply is kept: the classification becomes A. */
  public void markResolved(String id) {
    jdbc.sql("UPDATE proposal SET final_classification = 'A' WHERE id = ?").param(id).update();
    timeline(id, Actors.SYSTEM, TimelineAction.RESOLVED, null);
  }

  public void close(String id) {
    jdbc.sql("UPDATE proposal SET status = ?, closed_at = ? WHERE id = ?")
        .params(ProposalStatus.CLOSED.name(), now(), id)
        .update();
    timeline(id, Actors.SYSTEM, TimelineAction.CLOSED, null);
  }

  // --- shared -----------------------------------------------------------------------------------------------

  public void timeline(String id, String actor, TimelineAction action, String detail) {
    String text = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail;
    jdbc.sql("""
            INSERT INTO timeline_event (proposal_id, occurred_at, actor, action, detail, internal)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(id, now(), actor, action.name(), text, action.internal())
        .update();
  }

  private void setStatus(String id, ProposalStatus status) {
    jdbc.sql("UPDATE proposal SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public ProposalRecord get(String id) {
    return find(id).orElseThrow(() -> new NoSuchElementException("No proposal " + id));
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<ProposalRecord> find(String id) {
    List<String> coSigners = jdbc.sql("SELECT deputy_id FROM proposal_co_signer WHERE proposal_id = ? ORDER BY position")
        .param(id)
        .query(String.class)
        .list();
    return jdbc.sql("SELECT * FROM proposal WHERE id = ?")
        .param(id)
        .query((rs, row) -> map(rs, coSigners))
        .optional();
  }

  private static ProposalRecord map(ResultSet rs, List<String> coSigners) throws SQLException {
    return new ProposalRecord(
        rs.getString("id"),
        rs.getString("session_code"),
        ProposalKind.valueOf(rs.getString("kind")),
        ProposalKind.valueOf(rs.getString("submitted_kind")),
        (Integer) rs.getObject("case_number"),
        rs.getString("title"),
        rs.getString("content"),
        Priority.valueOf(rs.getString("priority")),
        ProposalStatus.valueOf(rs.getString("status")),
        rs.getString("lead_deputy"),
        coSigners,
        rs.getString("submitted_by"),
        instant(rs, "submitted_at"),
        rs.getString("review_comment"),
        instant(rs, "first_assigned_at"),
        instant(rs, "assigned_at"),
        rs.getString("lead_agency"),
        rs.getString("reply_issuer"),
        rs.getObject("reply_due", LocalDate.class),
        rs.getObject("co_opinion_due", LocalDate.class),
        rs.getInt("assignment_round"),
        rs.getInt("rehandling_round"),
        instant(rs, "replied_at"),
        enumOrNull(Satisfaction.class, rs.getString("satisfaction")),
        enumOrNull(Classification.class, rs.getString("final_classification")),
        rs.getObject("progress_due", LocalDate.class),
        instant(rs, "closed_at"),
        rs.getBoolean("publishable"),
        instant(rs, "published_at"),
        rs.getLong("view_count"),
        rs.getString("process_instance_id"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  private OffsetDateTime now() {
    return at(clock.instant());
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
