package cn.renda.proposals.alert;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.proposal.ProposalAccess;
import cn.renda.proposals.proposal.ProposalViews;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads alerts for the people who may see them: the offices all, an agency those about its own work. */
@Service
@Transactional(readOnly = true)
public class AlertQueries {

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;

  public AlertQueries(JdbcClient jdbc, AgencyDirectory agencies) {
    this.jdbc = jdbc;
    this.agencies = agencies;
  }

  /** The alerts of one proposal that the caller may see (deputies see none). */
  public List<ProposalViews.Alert> forProposal(String proposalId, ProposalAccess access) {
    if (!access.office() && access.ownAgencies().isEmpty()) {
      return List.of();
    }
    List<ProposalViews.Alert> all = jdbc.sql("SELECT * FROM alert WHERE proposal_id = ? ORDER BY raised_at, id")
        .param(proposalId)
        .query(this::map)
        .list();
    return access.office()
        ? all
        : all.stream().filter(a -> access.ownAgencies().contains(a.subject().code())).toList();
  }

  private ProposalViews.Alert map(ResultSet rs, int row) throws SQLException {
    AlertKind kind = AlertKind.valueOf(rs.getString("kind"));
    String subject = rs.getString("subject");
    return new ProposalViews.Alert(rs.getString("id"), kind.name(), kind.label(),
        new ProposalViews.AgencyRef(subject, agencies.nameOf(subject)),
        rs.getObject("deadline", LocalDate.class), rs.getInt("repetition"),
        Arrays.asList(rs.getString("recipients").split(",")), rs.getString("message"),
        instant(rs, "raised_at"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
