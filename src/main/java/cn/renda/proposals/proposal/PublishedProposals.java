package cn.renda.proposals.proposal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published proposals (公开) as the public record needs them: only those with a published time, and of their
 * replies only the delivered letter when it may be published.
 */
@Service
public class PublishedProposals {

  /** A published proposal in a list: the classification is that of the letter its record shows. */
  public record Listed(String id, String title, ProposalKind kind, Integer caseNumber, Priority priority,
      String leadDeputyName, String leadAgency, Classification classification, Instant publishedAt) {}

  private final JdbcClient jdbc;

  public PublishedProposals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts one visit of a published record; false (and nothing counted) when it is not published. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean countVisit(String id) {
    return jdbc.sql("UPDATE proposal SET view_count = view_count + 1 WHERE id = ? AND published_at IS NOT NULL")
        .param(id)
        .update() == 1;
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM proposal WHERE published_at IS NOT NULL").query(Long.class).single();
  }

  /** Published proposals, newest first. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<Listed> page(long offset, int limit) {
    return jdbc.sql("""
            SELECT p.id, p.title, p.kind, p.case_number, p.priority, p.lead_deputy, p.lead_deputy_name,
                   p.lead_agency, p.published_at,
                   (SELECT CASE WHEN r.publishable THEN r.classification END FROM reply r
                    WHERE r.proposal_id = p.id AND r.status = :approved AND r.reply_date IS NOT NULL
                    ORDER BY r.version DESC LIMIT 1) AS classification
            FROM proposal p WHERE p.published_at IS NOT NULL
            ORDER BY p.published_at DESC, p.id LIMIT :limit OFFSET :offset""")
        .param("approved", ReplyStatus.APPROVED.name())
        .param("limit", limit)
        .param("offset", offset)
        .query((rs, n) -> new Listed(
            rs.getString("id"),
            rs.getString("title"),
            ProposalKind.valueOf(rs.getString("kind")),
            (Integer) rs.getObject("case_number"),
            Priority.valueOf(rs.getString("priority")),
            rs.getString("lead_deputy_name") == null ? rs.getString("lead_deputy") : rs.getString("lead_deputy_name"),
            rs.getString("lead_agency"),
            Rows.enumOrNull(Classification.class, rs, "classification"),
            Rows.instant(rs, "published_at")))
        .list();
  }
}
