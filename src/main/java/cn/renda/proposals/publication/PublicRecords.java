package cn.renda.proposals.publication;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.identity.DeputyDirectory;
import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.RecordDetails;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public record: published proposals only, with the delivered reply, and nothing internal. */
@Service
public class PublicRecords {

  private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  public static final int PAGE_SIZE = 20;

  private final JdbcClient jdbc;
  private final ProposalRecords records;
  private final RecordDetails details;
  private final AgencyDirectory agencies;
  private final DeputyDirectory deputies;
  private final PublicationProperties properties;
  private final ZoneId zone;

  public PublicRecords(JdbcClient jdbc, ProposalRecords records, RecordDetails details, AgencyDirectory agencies,
      DeputyDirectory deputies, PublicationProperties properties, CalendarProperties calendar) {
    this.jdbc = jdbc;
    this.records = records;
    this.details = details;
    this.agencies = agencies;
    this.deputies = deputies;
    this.properties = properties;
    this.zone = calendar.zone();
  }

  public PublicationProperties properties() {
    return properties;
  }

  /** One view of a published record: counts the view (once) and answers the record; empty if not published. */
  @Transactional
  public Optional<PublicRecord> view(String id) {
    int counted = jdbc.sql("UPDATE proposal SET view_count = view_count + 1 WHERE id = ? AND published_at IS NOT NULL")
        .param(id)
        .update();
    if (counted == 0) {
      return Optional.empty();
    }
    ProposalRecord record = records.get(id);
    Optional<RecordDetails.Letter> reply = details.deliveredReply(id).filter(RecordDetails.Letter::publishable);
    List<String> agencyNames = jdbc.sql("""
            SELECT agency_code FROM proposal_agency WHERE proposal_id = ? AND round = ? ORDER BY position""")
        .params(id, record.assignmentRound())
        .query(String.class)
        .list()
        .stream()
        .map(this::agencyName)
        .toList();
    String leadDeputy = deputies.nameOf(record.leadDeputy());
    return Optional.of(new PublicRecord(
        record.id(),
        record.title(),
        PUBLISHED.format(record.publishedAt().atZone(zone)),
        properties.source(),
        record.viewCount(),
        record.kind().label(),
        record.priority().label(),
        record.caseNumber(),
        leadDeputy,
        record.coSigners().size(),
        record.title(),
        paragraphs(record.content()),
        agencyNames.isEmpty() ? null : agencyNames.get(0),
        agencyNames.size() > 1 ? agencyNames.subList(1, agencyNames.size()) : List.of(),
        reply.map(r -> r.classification().name()).orElse(null),
        reply.map(r -> letter(r, leadDeputy, record.coSigners().size())).orElse(null),
        legend()));
  }

  /** A page of published records, newest first, with the classification of the letter the record shows. */
  @Transactional(readOnly = true)
  public PublicRecord.Page list(int page) {
    long total = jdbc.sql("SELECT COUNT(*) FROM proposal WHERE published_at IS NOT NULL").query(Long.class).single();
    List<PublicRecord.Row> rows = jdbc.sql("""
            SELECT p.id, p.title, p.kind, p.case_number, p.priority, p.lead_deputy, p.lead_agency, p.published_at,
                   (SELECT CASE WHEN r.publishable THEN r.classification END FROM reply r
                    WHERE r.proposal_id = p.id AND r.status = 'APPROVED' AND r.reply_date IS NOT NULL
                    ORDER BY r.version DESC LIMIT 1) AS classification
            FROM proposal p WHERE p.published_at IS NOT NULL
            ORDER BY p.published_at DESC, p.id LIMIT ? OFFSET ?""")
        .params(PAGE_SIZE, (long) page * PAGE_SIZE)
        .query((rs, n) -> new PublicRecord.Row(
            rs.getString("id"),
            rs.getString("title"),
            ProposalKind.valueOf(rs.getString("kind")).label(),
            (Integer) rs.getObject("case_number"),
            Priority.valueOf(rs.getString("priority")).label(),
            deputies.nameOf(rs.getString("lead_deputy")),
            rs.getString("lead_agency") == null ? null : agencyName(rs.getString("lead_agency")),
            rs.getString("classification"),
            PUBLISHED.format(rs.getObject("published_at", OffsetDateTime.class).atZoneSameInstant(zone))))
        .list();
    return new PublicRecord.Page(rows, page, PAGE_SIZE, total);
  }

  private PublicRecord.Letter letter(RecordDetails.Letter reply, String leadDeputy, int coSigners) {
    LocalDate date = reply.replyDate();
    return new PublicRecord.Letter(
        leadDeputy + (coSigners > 0 ? "等代表" : "代表"),
        paragraphs(reply.text()),
        properties.signature(agencyName(reply.issuerCode())),
        date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日",
        reply.contactPerson(),
        mask(reply.contactPhone()));
  }

  /** A phone number as published: {@code ***} and its last four digits. */
  static String mask(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    return "***" + (digits.length() <= 4 ? digits : digits.substring(digits.length() - 4));
  }

  private static List<String> paragraphs(String text) {
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  private static List<String> legend() {
    return Arrays.stream(Classification.values()).map(c -> c.name() + "-" + c.label() + ";").toList();
  }

  private String agencyName(String code) {
    return agencies.find(code).map(Agency::name).orElse(code);
  }
}
