package cn.renda.proposals.alert;

import java.util.List;

/**
 * Files a notification's mail carries, made when the mail is sent (the reply letter's PDF with 答复送达). Features
 * implement it; the mail of a notification carries what every implementation gives for its kind and proposal.
 */
public interface MailAttachments {

  /** A file attached to a mail. */
  record Attachment(String fileName, String contentType, byte[] content) {}

  /** The files for the mail of a notification of this kind about this proposal; empty for none. */
  List<Attachment> of(NotificationKind kind, String proposalId);
}
