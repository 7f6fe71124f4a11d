package cn.renda.proposals.proposal;

import cn.renda.proposals.calendar.DueDay;
import cn.renda.proposals.identity.DeputyDirectory;
import cn.renda.proposals.jdbc.TransactionReads;
import cn.renda.proposals.platform.Actors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposal's main row: submission, review, evaluation, closing, and its status. The parts beside it have their
 * own classes ({@link AssignmentRounds}, {@link CoOpinions}, {@link Replies}, {@link Extensions}, {@link Feedbacks},
 * {@link ProgressReports}, {@link Timeline}). Every write is one step of the lifecycle and runs inside the
 * transaction of the process step that causes it (never one of its own), so record and process never disagree; a
 * write that does not fit the proposal's status is refused ({@link RecordStateException}).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ProposalRecords {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CaseNumbers caseNumbers;
  private final Timeline timeline;
  private final DeputyDirectory deputies;

  public ProposalRecords(
      JdbcClient jdbc, Clock clock, CaseNumbers caseNumbers, Timeline timeline, DeputyDirectory deputies) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.caseNumbers = caseNumbers;
    this.timeline = timeline;
    this.deputies = deputies;
  }

  // --- submission and review -------------------------------------------------------------------------------

  /**
   * Stores a validated submission with the deputies' names as they are now; answers the new record's id. The lead
   * deputy's own submission asks its co-signers (附议确认, {@link CoSignatures}); anyone else's (the congress office
   * registering a proposal handed in on paper) records their signatures as given on paper, by {@code actor}.
   */
  public String submit(NewProposal proposal, String actor) {
    String id = UUID.randomUUID().toString();
    Map<String, String> names = deputies.namesOf(proposal.deputies());
    jdbc.sql("""
            INSERT INTO proposal (id, session_code, kind, submitted_kind, title, content, priority, status,
                                  lead_deputy, lead_deputy_name, submitted_by, submitted_at)
            VALUES (:id, :session, :kind, :kind, :title, :content, :priority, :status, :leadDeputy, :leadName,
                    :actor, :now)""")
        .param("id", id)
        .param("session", proposal.session())
        .param("kind", proposal.kind().name())
        .param("title", proposal.title())
        .param("content", proposal.content())
        .param("priority", Priority.NORMAL.name())
        .param("status", ProposalStatus.SUBMITTED.name())
        .param("leadDeputy", proposal.leadDeputy())
        .param("leadName", names.get(proposal.leadDeputy()))
        .param("actor", actor)
        .param("now", now())
        .update();
    boolean onPaper = !actor.equals(proposal.leadDeputy());
    int position = 0;
    for (String coSigner : proposal.coSigners()) {
      jdbc.sql("""
              INSERT INTO proposal_co_signer (proposal_id, deputy_id, deputy_name, position, answer, answered_at,
                                              recorded_by)
              VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(id, coSigner, names.get(coSigner), position++,
              (onPaper ? CoSignatureAnswer.ON_PAPER : CoSignatureAnswer.PENDING).name(), onPaper ? now() : null,
              onPaper ? actor : null)
          .update();
    }
    timeline.add(id, actor, TimelineAction.SUBMITTED, proposal.kind().label() + "：" + proposal.title());
    return id;
  }

  /**
   * Links the record to its process instance, once: a record belongs to one instance for its whole life, so a second
   * instance can never act on it.
   */
  public void linkProcessInstance(String id, String processInstanceId) {
    int linked = jdbc.sql("UPDATE proposal SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL")
        .params(processInstanceId, id)
        .update();
    if (linked != 1) {
      throw new RecordStateException("Proposal " + id + " already belongs to a process instance",
          "该议案建议已在办理中，不能再次发起办理流程。");
    }
  }

  /**
   * Accepts the proposal (立案), as submitted or converted to a suggestion, and gives it the next case number of its
   * session and (final) kind. Answers the case number.
   */
  public int accept(String id, boolean convertToSuggestion, Priority priority, String comment, String actor) {
    ProposalRecord record = require(id, EnumSet.of(ProposalStatus.SUBMITTED), "accept it", "立案");
    ProposalKind kind = convertToSuggestion ? ProposalKind.SUGGESTION : record.kind();
    int caseNumber = caseNumbers.next(record.session(), kind);
    jdbc.sql("""
            UPDATE proposal SET kind = ?, case_number = ?, priority = ?, review_comment = ?, reviewed_at = ?
            WHERE id = ?""")
        .params(kind.name(), caseNumber, priority.name(), comment, now(), id)
        .update();
    String detail = "案号 " + caseNumber + "，类别：" + priority.label();
    timeline.add(id, actor, convertToSuggestion ? TimelineAction.CONVERTED : TimelineAction.ACCEPTED, detail);
    return caseNumber;
  }

  /**
   * 撤回: the lead deputy withdraws the proposal before it is assigned; it ends here. The caller ends its process in
   * the same transaction.
   */
  public void withdraw(String id, String reason, String actor) {
    ProposalRecord record = require(id, WITHDRAWABLE, "withdraw it", "撤回");
    jdbc.sql("UPDATE proposal SET withdrawn_at = ?, withdrawal_reason = ?, closed_at = ? WHERE id = ?")
        .params(now(), reason, now(), id)
        .update();
    enter(record, ProposalStatus.WITHDRAWN);
    timeline.add(id, actor, TimelineAction.WITHDRAWN, reason);
  }

  /** A motion short of ten deputies after the co-signing goes on as a suggestion, as its lead deputy chose. */
  public void submitAsSuggestion(String id, String actor) {
    require(id, EnumSet.of(ProposalStatus.SHORT_OF_CO_SIGNERS), "submit it as a suggestion", "改作建议提交");
    jdbc.sql("UPDATE proposal SET kind = ? WHERE id = ?").params(ProposalKind.SUGGESTION.name(), id).update();
    timeline.add(id, actor, TimelineAction.SUBMITTED_AS_SUGGESTION, null);
  }

  private static final Set<ProposalStatus> WITHDRAWABLE = EnumSet.copyOf(
      java.util.Arrays.stream(ProposalStatus.values()).filter(ProposalStatus::withdrawable).toList());

  /** 不予立案: the proposal ends here. */
  public void reject(String id, String comment, String actor) {
    ProposalRecord record = require(id, EnumSet.of(ProposalStatus.SUBMITTED), "reject it", "不予立案");
    jdbc.sql("UPDATE proposal SET review_comment = ?, reviewed_at = ?, closed_at = ? WHERE id = ?")
        .params(comment, now(), now(), id)
        .update();
    enter(record, ProposalStatus.REJECTED);
    timeline.add(id, actor, TimelineAction.REJECTED, comment);
  }

  // --- the status ---------------------------------------------------------------------------------------------

  /**
   * The proposal reaches a step of the procedure: its status becomes the one that step names. Refused unless the
   * current status may become it ({@link ProposalStatus#next()}).
   */
  public void enter(ProposalRecord record, ProposalStatus status) {
    if (record.status() == status) {
      return;
    }
    if (!record.status().mayBecome(status)) {
      throw new RecordStateException(
          "Proposal " + record.id() + " cannot go from " + record.status() + " to " + status,
          "该议案建议不能从“" + record.status().label() + "”转入“" + status.label() + "”。");
    }
    RecordRead read = new RecordRead(record.id());
    Optional<ProposalRecord> before = TransactionReads.kept(read);
    int updated = jdbc.sql("UPDATE proposal SET status = ? WHERE id = ? AND status = ?")
        .params(status.name(), record.id(), record.status().name())
        .update();
    if (updated != 1) {
      throw new RecordStateException("Proposal " + record.id() + " changed status concurrently",
          "该议案建议刚刚已被他人处理，请刷新后查看。");
    }
    // the status is all this statement changed: the record as this transaction saw it just before is right otherwise
    // (the listeners of the step it enters read it next)
    if (before != null && before.isPresent() && before.get().status() == record.status()) {
      TransactionReads.keep(read, RECORD_TABLES, Optional.of(before.get().withStatus(status)));
    }
  }

  /**
   * The record as it is, when its status is one of {@code allowed}; otherwise the change described is refused. Every
   * write of the record's parts starts here.
   */
  ProposalRecord require(String id, Set<ProposalStatus> allowed, String changeEn, String changeZh) {
    ProposalRecord record = get(id);
    if (!allowed.contains(record.status())) {
      throw RecordStateException.notIn(record, changeEn, changeZh);
    }
    return record;
  }

  // --- evaluation, follow-up, closing -----------------------------------------------------------------------

  /** Starts a new handling round after a dissatisfied deputy; the new reply is due on {@code replyDue}. */
  public int startRehandling(String id, DueDay replyDue) {
    ProposalRecord record = require(id, EnumSet.of(ProposalStatus.AWAITING_FEEDBACK,
        ProposalStatus.UNDER_SUPERVISION), "start rehandling", "启动重新办理");
    int round = record.rehandlingRound() + 1;
    jdbc.sql("UPDATE proposal SET rehandling_round = ?, reply_due = ?, reply_due_nominal = ? WHERE id = ?")
        .params(round, replyDue.day(), replyDue.nominal(), id)
        .update();
    timeline.add(id, Actors.SYSTEM, TimelineAction.REHANDLING_STARTED,
        "第" + round + "次重新办理，答复期限：" + Texts.day(replyDue.day()));
    return round;
  }

  /** 督办审议 after a repeated dissatisfaction: close anyway, or another round. */
  public void superviseDissatisfaction(String id, boolean anotherRound, String comment, String actor) {
    require(id, EnumSet.of(ProposalStatus.UNDER_SUPERVISION), "decide the supervision", "作出督办审议结论");
    timeline.add(id, actor, TimelineAction.SUPERVISION_DECIDED, (anotherRound ? "再次办理" : "予以办结")
        + (comment == null || comment.isBlank() ? "" : "：" + comment));
  }

  /** 办结评定. */
  public void evaluate(String id, Classification finalClassification, String comment, String actor) {
    require(id, EnumSet.of(ProposalStatus.EVALUATION), "evaluate it", "办结评定");
    jdbc.sql("UPDATE proposal SET final_classification = ?, evaluation_comment = ? WHERE id = ?")
        .params(finalClassification.name(), comment, id)
        .update();
    timeline.add(id, actor, TimelineAction.EVALUATED, "类别标记 " + finalClassification
        + (comment == null || comment.isBlank() ? "" : "：" + comment));
  }

  /** The follow-up (跟踪落实) of a B reply: the next progress report is due on {@code due}. */
  public void scheduleProgressReport(String id, DueDay due) {
    require(id, EnumSet.of(ProposalStatus.EVALUATION, ProposalStatus.FOLLOW_UP), "schedule a progress report",
        "安排跟踪落实报告");
    jdbc.sql("UPDATE proposal SET progress_due = ?, progress_due_nominal = ? WHERE id = ?")
        .params(due.day(), due.nominal(), id)
        .update();
  }

  /** The promise of a B reply is kept: the classification becomes A. */
  public void markResolved(String id) {
    require(id, EnumSet.of(ProposalStatus.FOLLOW_UP), "mark it resolved", "标记为已解决");
    jdbc.sql("UPDATE proposal SET final_classification = ? WHERE id = ?").params(Classification.A.name(), id).update();
    timeline.add(id, Actors.SYSTEM, TimelineAction.RESOLVED, null);
  }

  /** 办结. */
  public void close(String id) {
    ProposalRecord record = require(id, EnumSet.of(ProposalStatus.EVALUATION, ProposalStatus.FOLLOW_UP), "close it",
        "办结");
    jdbc.sql("UPDATE proposal SET closed_at = ? WHERE id = ?").params(now(), id).update();
    enter(record, ProposalStatus.CLOSED);
    timeline.add(id, Actors.SYSTEM, TimelineAction.CLOSED, null);
  }

  // --- deadlines moved by a change of the working-day calendar -----------------------------------------------

  /**
   * A deadline of the record moves from {@code from} to {@code to} because the working-day calendar changed (the day
   * its rule gives stays). Refused when the deadline no longer runs or is no longer {@code from} (changed meanwhile).
   */
  public void moveDeadline(String id, RecordDeadline deadline, LocalDate from, LocalDate to) {
    ProposalRecord record = get(id);
    if (!deadline.runsIn(record.status())) {
      throw RecordStateException.notIn(record, "move its " + deadline.name().toLowerCase() + " deadline",
          "调整" + deadline.label());
    }
    int updated = jdbc.sql("UPDATE proposal SET " + deadline.column() + " = ? WHERE id = ? AND " + deadline.column()
            + " = ?")
        .params(to, id, from)
        .update();
    if (updated != 1) {
      throw new RecordStateException("The " + deadline + " deadline of proposal " + id + " changed meanwhile",
          "该议案建议的" + deadline.label() + "刚刚已被调整，请重新预览。");
    }
    if (deadline == RecordDeadline.CO_OPINION) {
      // the co-opinions still open in the round follow the record's co-opinion deadline
      jdbc.sql("UPDATE co_opinion SET due = ? WHERE proposal_id = ? AND round = ? AND status = ?")
          .params(to, id, record.assignmentRound(), CoOpinionStatus.OPEN.name())
          .update();
    }
  }

  /** The deadlines of these proposals, with what a list shows about each proposal. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<DeadlineState> deadlines(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT id, kind, case_number, title, status, process_instance_id, reply_due, reply_due_nominal,
                   co_opinion_due, co_opinion_due_nominal, progress_due, progress_due_nominal
            FROM proposal WHERE id IN (:ids)""")
        .param("ids", List.copyOf(ids))
        .query((rs, row) -> new DeadlineState(rs.getString("id"),
            new Headline(ProposalKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("case_number"),
                rs.getString("title")),
            ProposalStatus.valueOf(rs.getString("status")), rs.getString("process_instance_id"),
            dueDay(rs, "reply_due"), dueDay(rs, "co_opinion_due"), dueDay(rs, "progress_due")))
        .list();
  }

  /**
   * A proposal's deadlines as the record keeps them, each with the day its rule gave (null: not set).
   *
   * @param processInstanceId the one process instance the record belongs to
   */
  public record DeadlineState(String id, Headline headline, ProposalStatus status, String processInstanceId,
      DueDay reply, DueDay coOpinion, DueDay progress) {

    public DueDay of(RecordDeadline deadline) {
      return switch (deadline) {
        case REPLY -> reply;
        case CO_OPINION -> coOpinion;
        case PROGRESS -> progress;
      };
    }
  }

  private static DueDay dueDay(ResultSet rs, String column) throws SQLException {
    LocalDate due = rs.getObject(column, LocalDate.class);
    LocalDate nominal = rs.getObject(column + "_nominal", LocalDate.class);
    return due == null ? null : new DueDay(nominal == null ? due : nominal, due);
  }

  // --- reading ----------------------------------------------------------------------------------------------

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public ProposalRecord get(String id) {
    return find(id).orElseThrow(() -> new NoSuchElementException("No proposal " + id));
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<ProposalRecord> find(String id) {
    // a record is read many times in every completion: once per transaction until it changes the record
    return TransactionReads.read(new RecordRead(id), RECORD_TABLES, () -> read(id));
  }

  /** The tables a record is read from. */
  private static final Set<String> RECORD_TABLES = Set.of("proposal", "proposal_co_signer");

  private record RecordRead(String id) {}

  private Optional<ProposalRecord> read(String id) {
    // one statement. Co-signers who declined or let the co-signing window pass are no co-signers of the proposal.
    return jdbc.sql("""
            SELECT p.*,
              (SELECT ARRAY_AGG(c.deputy_id ORDER BY c.position) FROM proposal_co_signer c
               WHERE c.proposal_id = p.id AND c.answer NOT IN ('DECLINED', 'NO_ANSWER')) AS co_signer_ids,
              (SELECT ARRAY_AGG(c.deputy_name ORDER BY c.position) FROM proposal_co_signer c
               WHERE c.proposal_id = p.id AND c.answer NOT IN ('DECLINED', 'NO_ANSWER')) AS co_signer_names
            FROM proposal p WHERE p.id = ?""")
        .param(id)
        .query((rs, row) -> map(rs, coSigners(rs)))
        .optional();
  }

  private static Map<String, String> coSigners(ResultSet rs) throws SQLException {
    Object[] ids = array(rs, "co_signer_ids");
    Object[] names = array(rs, "co_signer_names");
    Map<String, String> coSigners = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      coSigners.put((String) ids[i], (String) names[i]);
    }
    return coSigners;
  }

  private static Object[] array(ResultSet rs, String column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? new Object[0] : (Object[]) array.getArray();
  }

  /** The process instance the record belongs to, if it is recorded; empty when it has none yet. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<Optional<String>> processInstanceOf(String id) {
    return jdbc.sql("SELECT process_instance_id FROM proposal WHERE id = ?")
        .param(id)
        .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
        .optional();
  }

  /** Whether no proposal is recorded at all (a new installation). */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public boolean none() {
    return jdbc.sql("SELECT COUNT(*) FROM proposal").query(Long.class).single() == 0;
  }

  /** Case number and title of each proposal, by id: what a list of other things (alerts) shows about them. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Map<String, Headline> headlines(Collection<String> ids) {
    Map<String, Headline> headlines = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return headlines;
    }
    jdbc.sql("SELECT id, kind, case_number, title FROM proposal WHERE id IN (:ids)")
        .param("ids", List.copyOf(ids))
        .query(rs -> {
          headlines.put(rs.getString("id"), new Headline(ProposalKind.valueOf(rs.getString("kind")),
              (Integer) rs.getObject("case_number"), rs.getString("title")));
        });
    return headlines;
  }

  /** What identifies a proposal to people: kind, case number (once accepted) and title. */
  public record Headline(ProposalKind kind, Integer caseNumber, String title) {}

  /**
   * Deputies recorded without a name (records made before names were recorded): their names as they are now, once.
   * Answers how many names were filled in.
   */
  @Transactional
  public int fillMissingDeputyNames() {
    List<String> leads = jdbc.sql("SELECT DISTINCT lead_deputy FROM proposal WHERE lead_deputy_name IS NULL")
        .query(String.class).list();
    List<String> coSigners = jdbc.sql("SELECT DISTINCT deputy_id FROM proposal_co_signer WHERE deputy_name IS NULL")
        .query(String.class).list();
    if (leads.isEmpty() && coSigners.isEmpty()) {
      return 0;
    }
    Map<String, String> names = deputies.namesOf(
        java.util.stream.Stream.concat(leads.stream(), coSigners.stream()).distinct().toList());
    int filled = 0;
    for (Map.Entry<String, String> name : names.entrySet()) {
      filled += jdbc.sql("UPDATE proposal SET lead_deputy_name = ? WHERE lead_deputy = ? AND lead_deputy_name IS NULL")
          .params(name.getValue(), name.getKey()).update();
      filled += jdbc.sql("UPDATE proposal_co_signer SET deputy_name = ? WHERE deputy_id = ? AND deputy_name IS NULL")
          .params(name.getValue(), name.getKey()).update();
    }
    return filled;
  }

  private static ProposalRecord map(ResultSet rs, Map<String, String> coSigners) throws SQLException {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(rs.getString("lead_deputy"), rs.getString("lead_deputy_name"));
    names.putAll(coSigners);
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
        List.copyOf(coSigners.keySet()),
        java.util.Collections.unmodifiableMap(names),
        rs.getString("submitted_by"),
        Rows.instant(rs, "submitted_at"),
        rs.getString("review_comment"),
        Rows.instant(rs, "first_assigned_at"),
        Rows.instant(rs, "assigned_at"),
        rs.getString("lead_agency"),
        rs.getString("reply_issuer"),
        rs.getObject("reply_due", LocalDate.class),
        rs.getObject("co_opinion_due", LocalDate.class),
        rs.getInt("assignment_round"),
        rs.getInt("rehandling_round"),
        Rows.instant(rs, "replied_at"),
        Rows.enumOrNull(Satisfaction.class, rs, "satisfaction"),
        Rows.enumOrNull(Classification.class, rs, "final_classification"),
        rs.getObject("progress_due", LocalDate.class),
        Rows.instant(rs, "closed_at"),
        rs.getBoolean("publishable"),
        Rows.instant(rs, "published_at"),
        rs.getLong("view_count"),
        rs.getString("process_instance_id"),
        rs.getObject("reply_due_nominal", LocalDate.class),
        rs.getObject("co_opinion_due_nominal", LocalDate.class),
        rs.getObject("progress_due_nominal", LocalDate.class));
  }

  private OffsetDateTime now() {
    return Rows.at(clock.instant());
  }
}
