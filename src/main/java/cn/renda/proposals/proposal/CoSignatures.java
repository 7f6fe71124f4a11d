package cn.renda.proposals.proposal;

import cn.renda.proposals.platform.Actors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 附议确认: the co-signers of a deputy's own submission confirm or decline, within a window of working days, before the
 * proposal goes to review. A motion needs its lead deputy and at least nine confirmed co-signers; a suggestion goes
 * on with whoever confirmed. Signatures the congress office registered from paper count as given.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CoSignatures {

  /** One co-signer's answer; {@code recordedBy} is who recorded it (the deputy, or the clerk of a paper copy). */
  public record CoSignature(String deputy, String name, CoSignatureAnswer answer, Instant answeredAt,
      String recordedBy) {}

  /** How the co-signing ended. */
  public record Outcome(int confirmed, int declined, int unanswered) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ProposalRecords records;
  private final Timeline timeline;

  public CoSignatures(JdbcClient jdbc, Clock clock, ProposalRecords records, Timeline timeline) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.records = records;
    this.timeline = timeline;
  }

  /** Every co-signer of the proposal in the order given, with their answer. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<CoSignature> of(String id) {
    return jdbc.sql("SELECT * FROM proposal_co_signer WHERE proposal_id = ? ORDER BY position")
        .param(id)
        .query((rs, row) -> new CoSignature(rs.getString("deputy_id"), rs.getString("deputy_name"),
            CoSignatureAnswer.valueOf(rs.getString("answer")), Rows.instant(rs, "answered_at"),
            rs.getString("recorded_by")))
        .list();
  }

  /** The co-signers still to be asked or to answer. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<String> pending(String id) {
    return of(id).stream().filter(signature -> signature.answer() == CoSignatureAnswer.PENDING)
        .map(CoSignature::deputy).toList();
  }

  /** Whether any co-signer of the proposal is still to answer (one indexed lookup, on every submission's start). */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public boolean anyPending(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM proposal_co_signer WHERE proposal_id = ? AND answer = 'PENDING'")
        .param(id)
        .query(Long.class)
        .single() > 0;
  }

  /** The proposals whose co-signing waits for this deputy's answer. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<String> awaiting(String deputy) {
    return jdbc.sql("SELECT proposal_id FROM proposal_co_signer WHERE deputy_id = ? AND answer = 'PENDING'")
        .param(deputy)
        .query(String.class)
        .list();
  }

  /** The co-signing starts: the co-signers are asked to answer by the end of {@code due}. */
  public void open(String id, LocalDate due) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.CO_SIGNING),
        "ask its co-signers", "征求附议");
    timeline.add(id, record.leadDeputy(), TimelineAction.CO_SIGNING_OPENED,
        "请 " + pending(id).size() + " 名附议代表于 " + Texts.day(due) + " 前确认");
  }

  /** A co-signer answers (once); {@code actor} is who recorded it. */
  public void answer(String id, String deputy, CoSignatureAnswer answer, String actor) {
    if (answer != CoSignatureAnswer.CONFIRMED && answer != CoSignatureAnswer.DECLINED) {
      throw new IllegalArgumentException("A co-signer confirms or declines, not " + answer);
    }
    records.require(id, EnumSet.of(ProposalStatus.CO_SIGNING), "record a co-signature", "确认附议");
    int updated = jdbc.sql("""
            UPDATE proposal_co_signer SET answer = ?, answered_at = ?, recorded_by = ?
            WHERE proposal_id = ? AND deputy_id = ? AND answer = 'PENDING'""")
        .params(answer.name(), Rows.at(clock.instant()), actor, id, deputy)
        .update();
    if (updated != 1) {
      throw new RecordStateException("Deputy " + deputy + " has no pending co-signature on proposal " + id,
          "您不是该议案建议待确认的附议代表，或已经答复过。");
    }
    String name = records.get(id).nameOf(deputy);
    timeline.add(id, deputy, answer == CoSignatureAnswer.CONFIRMED ? TimelineAction.CO_SIGNATURE_CONFIRMED
        : TimelineAction.CO_SIGNATURE_DECLINED, name);
  }

  /** The window closed, or every co-signer answered: who did not answer is no co-signer. */
  public Outcome close(String id) {
    ProposalRecord record = records.require(id, EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.CO_SIGNING),
        "close its co-signing", "结束附议确认");
    jdbc.sql("""
            UPDATE proposal_co_signer SET answer = ?, answered_at = ?
            WHERE proposal_id = ? AND answer = 'PENDING'""")
        .params(CoSignatureAnswer.NO_ANSWER.name(), Rows.at(clock.instant()), id)
        .update();
    Map<CoSignatureAnswer, Long> counts = of(id).stream()
        .collect(Collectors.groupingBy(CoSignature::answer, Collectors.counting()));
    Function<CoSignatureAnswer, Integer> count = answer -> counts.getOrDefault(answer, 0L).intValue();
    Outcome outcome = new Outcome(count.apply(CoSignatureAnswer.CONFIRMED) + count.apply(CoSignatureAnswer.ON_PAPER),
        count.apply(CoSignatureAnswer.DECLINED), count.apply(CoSignatureAnswer.NO_ANSWER));
    timeline.add(id, Actors.SYSTEM, TimelineAction.CO_SIGNING_CLOSED, outcome.confirmed() + " 名确认附议，"
        + outcome.declined() + " 名不同意，" + outcome.unanswered() + " 名逾期未确认；联名代表共 "
        + (outcome.confirmed() + 1) + " 名");
    return outcome;
  }

  /** Whether the proposal has enough deputies to go on as what it is: a motion needs ten with its lead deputy. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public boolean enough(String id) {
    ProposalRecord record = records.get(id);
    if (record.kind() != ProposalKind.MOTION) {
      return true;
    }
    long standing = of(id).stream().filter(signature -> signature.answer().counts()).count();
    return standing + 1 >= ProposalRules.MOTION_MIN_DEPUTIES;
  }
}
