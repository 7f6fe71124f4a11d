package cn.renda.proposals.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notification outbox as tests see it: deliveries, their jobs, and running those jobs as the executor would. */
@Component
public class Outbox {

  /** One delivery with its notification's kind and subject. */
  public record Delivery(
      String id, String notificationId, String kind, String subject, String channel, String target, String status,
      int attempts, String lastError, String jobId) {}

  private final JdbcClient jdbc;
  private final ManagementService management;

  public Outbox(JdbcClient jdbc, ManagementService management) {
    this.jdbc = jdbc;
    this.management = management;
  }

  public List<Delivery> deliveries(String proposalId) {
    return jdbc.sql("""
            SELECT d.id, d.notification_id, n.kind, n.subject, d.channel, d.target, d.status, d.attempts, d.last_error,
                   d.job_id
            FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
            WHERE n.proposal_id = ? ORDER BY n.created_at, n.kind, d.channel, d.id""")
        .param(proposalId)
        .query(Delivery.class)
        .list();
  }

  public Delivery delivery(String proposalId, String kind, String channel) {
    List<Delivery> found = deliveries(proposalId).stream()
        .filter(d -> d.kind().equals(kind) && d.channel().equals(channel))
        .toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + " " + channel + " delivery of " + proposalId + ": " + found);
    }
    return found.get(0);
  }

  /** The job of a delivery, or null when it is done. */
  public Job job(Delivery delivery) {
    return management.createJobQuery().jobId(delivery.jobId()).singleResult();
  }

  /** Runs the job of every pending delivery of the proposal once; answers how many ran. */
  public int deliver(String proposalId) {
    List<Delivery> pending = deliveries(proposalId).stream().filter(d -> d.status().equals("PENDING")).toList();
    for (Delivery delivery : pending) {
      management.executeJob(delivery.jobId());
    }
    return pending.size();
  }
}
