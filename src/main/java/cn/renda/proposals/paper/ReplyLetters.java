package cn.renda.proposals.paper;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.identity.CurrentUser;
import cn.renda.proposals.proposal.ProposalQueries;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.Replies;
import cn.renda.proposals.proposal.Texts;
import cn.renda.proposals.publication.PublicRecord;
import cn.renda.proposals.publication.PublicRecords;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reply letter (复函) as a printed document: the delivered reply in the layout of an official letter, for those
 * who may see the record, for the public when the reply is published (phone masked), and for the deputies' mail.
 */
@Service
public class ReplyLetters {

  /** A printed document and the name it is saved under. */
  public record Pdf(String fileName, byte[] content) {}

  private final ProposalQueries queries;
  private final ProposalRecords records;
  private final Replies replies;
  private final PublicRecords publicRecords;
  private final AgencyDirectory agencies;
  private final PdfDocuments pdf;

  ReplyLetters(ProposalQueries queries, ProposalRecords records, Replies replies, PublicRecords publicRecords,
      AgencyDirectory agencies, PdfDocuments pdf) {
    this.queries = queries;
    this.records = records;
    this.replies = replies;
    this.publicRecords = publicRecords;
    this.agencies = agencies;
    this.pdf = pdf;
  }

  /** A delivered reply version of a record the caller may see; empty if either is not there for the caller. */
  @Transactional(readOnly = true)
  public Optional<Pdf> ofRecord(CurrentUser user, String id, int version) {
    if (queries.access(user, id).isEmpty()) {
      return Optional.empty();
    }
    ProposalRecord record = records.get(id);
    return replies.versions(id).stream()
        .filter(reply -> reply.version() == version && reply.delivered())
        .findFirst()
        .map(reply -> print(record, reply, publicRecords.letter(record, reply, false),
            "-第" + version + "稿"));
  }

  /** The letter of a published record as the public page shows it (phone masked); empty if not published. */
  @Transactional(readOnly = true)
  public Optional<Pdf> published(String id) {
    return publicRecords.publishedLetter(id).map(letter -> {
      ProposalRecord record = records.get(id);
      Replies.Reply reply = replies.delivered(id).orElseThrow();
      return print(record, reply, letter, "");
    });
  }

  /** The letter delivered last, as the deputies receive it with the reply mail. */
  @Transactional(readOnly = true)
  public Optional<Pdf> deliveredLast(String id) {
    return records.find(id).flatMap(record -> replies.delivered(id)
        .map(reply -> print(record, reply, publicRecords.letter(record, reply, false), "")));
  }

  private Pdf print(ProposalRecord record, Replies.Reply reply, PublicRecord.Letter letter, String suffix) {
    String issuer = publicRecords.properties().signature(agencies.nameOf(reply.issuerCode()));
    String title = "对" + Texts.proposal(record) + "的答复";
    byte[] content = pdf.render("paper/reply-letter", Map.of(
        "issuer", issuer,
        "title", title,
        "classification", reply.classification().name(),
        "letter", letter));
    String name = "复函-" + record.kind().label() + "第" + record.caseNumber() + "号" + suffix + ".pdf";
    return new Pdf(name, content);
  }
}
