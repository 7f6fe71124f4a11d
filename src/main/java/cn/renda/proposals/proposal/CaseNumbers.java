package cn.renda.proposals.proposal;

import cn.renda.proposals.web.Violations;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers (案号): unique and gap-free per session and kind. The counter row is locked until the transaction
 * that takes a number ends, so concurrent acceptances queue up, and a rolled-back acceptance gives its number back.
 */
@Service
public class CaseNumbers {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  public CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Takes the next number of the session and kind. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int next(String session, ProposalKind kind) {
    int next = lock(session, kind) + 1;
    jdbc.sql("UPDATE case_number_counter SET last_number = ? WHERE session_code = ? AND kind = ?")
        .params(next, session, kind.name())
        .update();
    return next;
  }

  /**
   * Continues a numbering begun outside the system (e.g. on paper earlier in the session): the next number taken
   * will be {@code lastUsed + 1}. Refused when a number above {@code lastUsed} was already given, because the
   * sequence would then repeat a number.
   */
  @Transactional
  public void continueAfter(String session, ProposalKind kind, int lastUsed) {
    int current = lock(session, kind);
    if (lastUsed < current) {
      new Violations()
          .add("lastUsed", "already-used", "本届" + kind.label() + "已编号至第" + current + "号，不能回退",
              "numbers up to " + current + " are already given in this session")
          .throwIfAny();
    }
    jdbc.sql("UPDATE case_number_counter SET last_number = ? WHERE session_code = ? AND kind = ?")
        .params(lastUsed, session, kind.name())
        .update();
  }

  /** Locks the counter row (creating it at 0 when the session's first number is taken) and reads it. */
  private int lock(String session, ProposalKind kind) {
    Optional<Integer> last = select(session, kind);
    if (last.isPresent()) {
      return last.get();
    }
    try {
      savepoint.executeWithoutResult(status -> jdbc.sql(
              "INSERT INTO case_number_counter (session_code, kind, last_number) VALUES (?, ?, 0)")
          .params(session, kind.name())
          .update());
    } catch (DuplicateKeyException concurrentFirst) {
      // another transaction created the counter at the same moment: use theirs
    }
    return select(session, kind).orElseThrow();
  }

  private Optional<Integer> select(String session, ProposalKind kind) {
    return jdbc.sql("SELECT last_number FROM case_number_counter WHERE session_code = ? AND kind = ? FOR UPDATE")
        .params(session, kind.name())
        .query(Integer.class)
        .optional();
  }
}
