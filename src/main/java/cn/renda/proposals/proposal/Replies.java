package cn.renda.proposals.proposal;

import cn.renda.proposals.platform.Actors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply versions (答复/复函) the lead agency drafts, their sign-off (签发) and delivery to the deputies, with
 * publication when the reply may be published.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Replies {

  /** A reply version with its sign-off outcome. */
  public record Reply(
      int version,
      int rehandlingRound,
      ReplyStatus status,
      String text,
      Classification classification,
      CommunicationMethod communicationMethod,
      String contactPerson,
      String contactPhone,
      boolean publishable,
      LocalDate plannedResolutionDate,
      String agencyCode,
      String issuerCode,
      String draftedBy,
      Instant draftedAt,
      String signedBy,
      Instant signedAt,
      String signOffComment,
      LocalDate replyDate) {

    /** Delivered to the deputies: signed off and given its reply date. */
    public boolean delivered() {
      return status == ReplyStatus.APPROVED && replyDate != null;
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final Timeline timeline;
  private final HandlingFacts facts;

  public Replies(JdbcClient jdbc, Clock clock, ProposalRecords records, Timeline timeline, HandlingFacts facts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.timeline = timeline;
    this.facts = facts;
  }

  /** Stores a new reply version for sign-off (答复拟稿) and answers its version number. */
  public int draft(String id, ReplyDraft draft, String actor) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.DRAFTING, ProposalStatus.REHANDLING),
        "draft a reply", "拟写答复");
    int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM reply WHERE proposal_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
    jdbc.sql("""
            INSERT INTO reply (id, proposal_id, version, rehandling_round, agency_code, issuer_code, text,
                               classification, communication_method, contact_person, contact_phone, publishable,
                               planned_resolution_date, drafted_by, drafted_at, status)
            VALUES (:rid, :id, :version, :round, :agency, :issuer, :text, :classification, :communication,
                    :contactPerson, :contactPhone, :publishable, :planned, :actor, :now, :status)""")
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
        .param("now", Rows.at(clock.instant()))
        .param("status", ReplyStatus.DRAFT.name())
        .update();
    timeline.add(id, actor, TimelineAction.REPLY_DRAFTED, "第" + version + "稿，类别标记 " + draft.classification());
    return version;
  }

  /** The leader signs the version waiting for sign-off (签发), or returns it with a comment. */
  public void signOff(String id, boolean approve, String comment, String actor) {
    records.require(id, EnumSet.of(ProposalStatus.SIGN_OFF), "sign off a reply", "签发答复");
    int updated = jdbc.sql("""
            UPDATE reply SET status = ?, signed_by = ?, signed_at = ?, sign_off_comment = ?
            WHERE proposal_id = ? AND status = ?""")
        .params((approve ? ReplyStatus.APPROVED : ReplyStatus.RETURNED).name(), actor, Rows.at(clock.instant()),
            comment, id, ReplyStatus.DRAFT.name())
        .update();
    if (updated != 1) {
      throw new RecordStateException("No reply of proposal " + id + " waits for sign-off", "没有待签发的答复稿。");
    }
    timeline.add(id, actor, approve ? TimelineAction.REPLY_APPROVED : TimelineAction.REPLY_RETURNED, comment);
  }

  /**
   * Delivers the signed reply to the deputies, and publishes the record if the reply may be published. The letter
   * keeps the reply deadline in force today, against which it counts as on time or late.
   */
  public void deliver(String id) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.SIGN_OFF), "deliver the reply", "送达答复");
    Reply signed = versions(id).stream()
        .filter(reply -> reply.status() == ReplyStatus.APPROVED && reply.replyDate() == null)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new RecordStateException("No signed reply of proposal " + id + " to deliver",
            "没有已签发待送达的答复。"));
    LocalDate today = LocalDate.now(clock);
    jdbc.sql("UPDATE reply SET reply_date = ?, deadline = ? WHERE proposal_id = ? AND version = ?")
        .params(today, record.replyDue(), id, signed.version())
        .update();
    Instant now = clock.instant();
    jdbc.sql("""
            UPDATE proposal SET replied_at = ?, publishable = ?,
                                published_at = CASE WHEN ? THEN COALESCE(published_at, ?) ELSE published_at END
            WHERE id = ?""")
        .params(Rows.at(now), signed.publishable(), signed.publishable(), Rows.at(now), id)
        .update();
    facts.refresh(id);
    timeline.add(id, Actors.SYSTEM, TimelineAction.REPLY_DELIVERED, null);
    if (signed.publishable()) {
      timeline.add(id, Actors.SYSTEM, TimelineAction.PUBLISHED, null);
    }
  }

  /** Every version, oldest first. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<Reply> versions(String id) {
    return jdbc.sql("SELECT * FROM reply WHERE proposal_id = ? ORDER BY version")
        .param(id)
        .query((rs, row) -> map(rs))
        .list();
  }

  /** The letter delivered last (复函), if a reply was delivered. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<Reply> delivered(String id) {
    return versions(id).stream().filter(Reply::delivered).reduce((first, second) -> second);
  }

  /** The planned resolution date of the signed reply (B replies). */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<LocalDate> plannedResolutionDate(String id) {
    return versions(id).stream()
        .filter(reply -> reply.status() == ReplyStatus.APPROVED && reply.plannedResolutionDate() != null)
        .map(Reply::plannedResolutionDate)
        .reduce((first, second) -> second);
  }

  private static Reply map(ResultSet rs) throws SQLException {
    return new Reply(
        rs.getInt("version"),
        rs.getInt("rehandling_round"),
        ReplyStatus.valueOf(rs.getString("status")),
        rs.getString("text"),
        Classification.valueOf(rs.getString("classification")),
        CommunicationMethod.valueOf(rs.getString("communication_method")),
        rs.getString("contact_person"),
        rs.getString("contact_phone"),
        rs.getBoolean("publishable"),
        rs.getObject("planned_resolution_date", LocalDate.class),
        rs.getString("agency_code"),
        rs.getString("issuer_code"),
        rs.getString("drafted_by"),
        Rows.instant(rs, "drafted_at"),
        rs.getString("signed_by"),
        Rows.instant(rs, "signed_at"),
        rs.getString("sign_off_comment"),
        rs.getObject("reply_date", LocalDate.class));
  }
}
