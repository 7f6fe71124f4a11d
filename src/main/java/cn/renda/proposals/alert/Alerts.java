package cn.renda.proposals.alert;

import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.proposal.Timeline;
import cn.renda.proposals.proposal.TimelineAction;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Records reminders and overdue alerts, each exactly once per deadline and repetition. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Alerts {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Timeline timeline;
  private final TransactionTemplate savepoint;
  private final Notifications notifications;

  public Alerts(
      JdbcClient jdbc,
      Clock clock,
      Timeline timeline,
      PlatformTransactionManager transactions,
      Notifications notifications) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.timeline = timeline;
    this.notifications = notifications;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Raises the alert unless it exists already, and notifies its recipients (mail, webhook). The unique key (proposal,
   * kind, subject, deadline, repetition; for an alert without a proposal: topic, kind, deadline, repetition) decides,
   * not a prior read: when two nodes run the same due job, the second insert waits for the first and then fails.
   *
   * @return whether this call raised it
   */
  public boolean raise(NewAlert alert) {
    String id = UUID.randomUUID().toString();
    try {
      savepoint.executeWithoutResult(status -> jdbc.sql("""
              INSERT INTO alert (id, proposal_id, topic, kind, subject, deadline, repetition, recipients, message,
                                 raised_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, alert.proposalId(), alert.topic(), alert.kind().name(), alert.subject(),
              alert.deadline(), alert.repetition(), String.join(",", alert.recipients()), alert.message(),
              OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
          .update());
    } catch (DuplicateKeyException alreadyRaised) {
      return false;
    }
    if (alert.proposalId() != null) {
      timeline.add(alert.proposalId(), Actors.SYSTEM,
          alert.kind().overdue() ? TimelineAction.OVERDUE_ALERT : TimelineAction.REMINDER, alert.message());
    }
    notifications.alertRaised(id, alert);
    return true;
  }
}
