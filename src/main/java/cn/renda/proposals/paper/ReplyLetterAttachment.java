package cn.renda.proposals.paper;

import cn.renda.proposals.alert.MailAttachments;
import cn.renda.proposals.alert.NotificationKind;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The mail of 答复送达 carries the letter (复函) as PDF, as the deputies would receive it on paper. */
@Component
class ReplyLetterAttachment implements MailAttachments {

  private final ReplyLetters letters;

  ReplyLetterAttachment(ReplyLetters letters) {
    this.letters = letters;
  }

  @Override
  public List<Attachment> of(NotificationKind kind, String proposalId) {
    if (kind != NotificationKind.REPLY_DELIVERED) {
      return List.of();
    }
    return letters.deliveredLast(proposalId)
        .map(pdf -> List.of(new Attachment(pdf.fileName(), MediaType.APPLICATION_PDF_VALUE, pdf.content())))
        .orElse(List.of());
  }
}
