package cn.renda.proposals.publication;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.proposal.AssignmentRounds;
import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.PublishedProposals;
import cn.renda.proposals.proposal.Replies;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public record: published proposals only, with the delivered reply, and nothing internal. */
@Service
public class PublicRecords {

  private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  public static final int PAGE_SIZE = 20;

  private final PublishedProposals published;
  private final ProposalRecords records;
  private final AssignmentRounds rounds;
  private final Replies replies;
  private final AgencyDirectory agencies;
  private final PublicationProperties properties;
  private final ZoneId zone;

  public PublicRecords(PublishedProposals published, ProposalRecords records, AssignmentRounds rounds,
      Replies replies, AgencyDirectory agencies, PublicationProperties properties, CalendarProperties calendar) {
    this.published = published;
    this.records = records;
    this.rounds = rounds;
    this.replies = replies;
    this.agencies = agencies;
    this.properties = properties;
    this.zone = calendar.zone();
  }

  public PublicationProperties properties() {
    return properties;
  }

  /** One view of a published record: counts the view (once) and answers the record; empty if not published. */
  @Transactional
  public Optional<PublicRecord> view(String id) {
    if (!published.countVisit(id)) {
      return Optional.empty();
    }
    ProposalRecord record = records.get(id);
    Optional<Replies.Reply> reply = replies.delivered(id).filter(Replies.Reply::publishable);
    List<String> agencyNames = rounds.of(id, record.assignmentRound()).stream()
        .map(assigned -> agencies.nameOf(assigned.agencyCode()))
        .toList();
    String leadDeputy = record.nameOf(record.leadDeputy());
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
        reply.map(r -> letter(record, r, true)).orElse(null),
        legend()));
  }

  /** A page of published records, newest first, with the classification of the letter the record shows. */
  @Transactional(readOnly = true)
  public PublicRecord.Page list(int page) {
    List<PublicRecord.Row> rows = published.page((long) page * PAGE_SIZE, PAGE_SIZE).stream()
        .map(listed -> new PublicRecord.Row(
            listed.id(),
            listed.title(),
            listed.kind().label(),
            listed.caseNumber(),
            listed.priority().label(),
            listed.leadDeputyName(),
            listed.leadAgency() == null ? null : agencies.nameOf(listed.leadAgency()),
            listed.classification() == null ? null : listed.classification().name(),
            PUBLISHED.format(listed.publishedAt().atZone(zone))))
        .toList();
    return new PublicRecord.Page(rows, page, PAGE_SIZE, published.count());
  }

  /**
   * The published letter of a published record, read without counting a visit (the letter's PDF); empty if the
   * record is not published or its reply may not be published.
   */
  @Transactional(readOnly = true)
  public Optional<PublicRecord.Letter> publishedLetter(String id) {
    return records.find(id)
        .filter(record -> record.publishedAt() != null)
        .flatMap(record -> replies.delivered(id).filter(Replies.Reply::publishable)
            .map(reply -> letter(record, reply, true)));
  }

  /**
   * A delivered reply as the letter (复函) the deputies receive: addressed to the lead deputy (等代表 with
   * co-signers), signed with the issuer's full name; the phone number masked as published, or as the deputies have it.
   */
  public PublicRecord.Letter letter(ProposalRecord record, Replies.Reply reply, boolean maskPhone) {
    LocalDate date = reply.replyDate();
    return new PublicRecord.Letter(
        record.nameOf(record.leadDeputy()) + (record.coSigners().isEmpty() ? "代表" : "等代表"),
        paragraphs(reply.text()),
        properties.signature(agencies.nameOf(reply.issuerCode())),
        // the letter's own layout (as printed in the published record), not the date people read in lists
        date.getYear() + " 年 " + date.getMonthValue() + " 月 " + date.getDayOfMonth() + " 日",
        reply.contactPerson(),
        maskPhone ? mask(reply.contactPhone()) : reply.contactPhone());
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
}
