package cn.renda.proposals.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.calendar.CalendarStore;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction reads a proposal's record, its assignment rounds and the calendar's revision once, and again as soon as
 * it has changed one of their tables, by any statement: what it reads always shows what it wrote. Nothing is kept
 * outside a transaction or from one transaction to the next.
 */
@IntegrationTest
class RecordReadsTest {

  @Autowired ProposalRecords records;
  @Autowired AssignmentRounds rounds;
  @Autowired CalendarStore calendar;
  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void shouldReadTheRecordOncePerTransactionUntilTheTransactionChangesIt() {
    // given
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于读取记录一次的建议");

    inTransaction(() -> {
      // when read twice
      ProposalRecord first = records.get(id);
      // then it is one read
      assertThat(records.get(id)).isSameAs(first);
      assertThat(records.find(id)).containsSame(first);

      // a change of another table keeps it
      jdbc.sql("INSERT INTO timeline_event (proposal_id, occurred_at, actor, action, detail, internal)"
              + " VALUES (?, now(), 'test', 'SUBMITTED', 'x', false)").param(id).update();
      assertThat(records.get(id)).isSameAs(first);

      // a change of the record, as any statement makes it, is read at once
      jdbc.sql("UPDATE proposal SET title = ? WHERE id = ?").params("改后的标题", id).update();
      ProposalRecord changed = records.get(id);
      assertThat(changed.title()).isEqualTo("改后的标题");
      assertThat(records.get(id)).isSameAs(changed);

      template.update("UPDATE public.proposal SET title = '经模板修改' WHERE id = '" + id + "'");
      assertThat(records.get(id).title()).isEqualTo("经模板修改");

      template.batchUpdate("UPDATE proposal SET title = ? WHERE id = ?", List.<Object[]>of(new Object[] {"批量", id}));
      assertThat(records.get(id).title()).isEqualTo("批量");

      // a change sent as a query (RETURNING) too
      String returned = jdbc.sql("UPDATE proposal SET title = ? WHERE id = ? RETURNING title").params("查询中修改", id)
          .query(String.class).single();
      assertThat(records.get(id).title()).isEqualTo(returned);

      // a co-signer's answer is part of the record
      jdbc.sql("INSERT INTO proposal_co_signer (proposal_id, deputy_id, deputy_name, position, answer)"
              + " VALUES (?, 'wuhaibo', '吴海波', 0, 'ON_PAPER')").param(id).update();
      assertThat(records.get(id).coSigners()).containsExactly("wuhaibo");

      // a statement whose text the template does not know drops every read
      ProposalRecord before = records.get(id);
      template.execute((java.sql.Connection connection) -> {
        try (var statement = connection.prepareStatement("UPDATE proposal SET title = ? WHERE id = ?")) {
          statement.setString(1, "连接回调");
          statement.setString(2, id);
          return statement.executeUpdate();
        }
      });
      assertThat(records.get(id)).isNotSameAs(before).extracting(ProposalRecord::title).isEqualTo("连接回调");
    });

    // the next transaction reads again (this one was rolled back), and so does every read outside a transaction
    ProposalRecord outside = records.get(id);
    assertThat(outside.title()).isEqualTo("关于读取记录一次的建议");
    assertThat(outside.coSigners()).isEmpty();
    assertThat(records.get(id)).isNotSameAs(outside);
    inTransaction(() -> assertThat(records.get(id)).isNotSameAs(outside).isEqualTo(outside));
  }

  @Test
  void shouldKeepTheRecordThroughAStatusChangeAsTheDatabaseHoldsIt() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于状态变更后读取的建议");
    inTransaction(() -> {
      // given the record as this transaction read it
      ProposalRecord before = records.get(id);
      ProposalStatus next = before.status().next().iterator().next();

      // when its status changes
      records.enter(before, next);

      // then the transaction reads the new status without asking the database again, and it reads what the database
      // holds: the same as after a statement that drops every read
      ProposalRecord kept = records.get(id);
      assertThat(kept.status()).isEqualTo(next);
      assertThat(records.get(id)).isSameAs(kept);
      template.execute((java.sql.Connection connection) -> null);
      ProposalRecord fromTheDatabase = records.get(id);
      assertThat(fromTheDatabase).isNotSameAs(kept).isEqualTo(kept);
    });
  }

  @Test
  void shouldGiveATransactionBesideAnotherReadsOfItsOwn() {
    // given
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于另起事务读取的建议");
    TransactionTemplate beside = new TransactionTemplate(transactions);
    beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    AtomicReference<String> seenBeside = new AtomicReference<>();

    inTransaction(() -> {
      ProposalRecord outer = records.get(id);
      // when a transaction beside it changes the record and reads it
      beside.executeWithoutResult(status -> {
        assertThat(records.get(id)).isNotSameAs(outer);
        jdbc.sql("UPDATE proposal SET title = ? WHERE id = ?").params("旁边事务的标题", id).update();
        seenBeside.set(records.get(id).title());
      });
      // then that one saw its change, and this one keeps what it read until it changes the record itself
      assertThat(records.get(id)).isSameAs(outer);
      jdbc.sql("UPDATE proposal SET priority = priority WHERE id = ?").param(id).update();
      assertThat(records.get(id).title()).isEqualTo("旁边事务的标题");
    });
    assertThat(seenBeside.get()).isEqualTo("旁边事务的标题");
    assertThat(records.get(id).title()).isEqualTo("旁边事务的标题");
  }

  @Test
  void shouldReadRoundsAndTheCalendarRevisionAgainOnceChanged() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于轮次读取的建议");
    inTransaction(() -> {
      List<AssignmentRounds.Assigned> none = rounds.of(id, 1);
      assertThat(none).isEmpty();
      assertThat(rounds.of(id, 1)).isSameAs(none);
      jdbc.sql("INSERT INTO proposal_agency (proposal_id, round, agency_code, role, position, assigned_by, assigned_at)"
          + " VALUES (?, 1, 'zfw', 'LEAD', 0, 'test', now())").param(id).update();
      assertThat(rounds.of(id, 1)).extracting(AssignmentRounds.Assigned::agencyCode).containsExactly("zfw");

      String revision = calendar.revision();
      assertThat(calendar.revision()).isSameAs(revision);
      jdbc.sql("UPDATE calendar_revision SET revision = ? WHERE id = 1").param("test-" + System.nanoTime()).update();
      assertThat(calendar.revision()).isNotEqualTo(revision).startsWith("test-");
    });
  }

  /** Runs the work in a transaction that is rolled back at its end, so the shared database stays as it was. */
  private void inTransaction(Runnable work) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      work.run();
      status.setRollbackOnly();
    });
  }
}
