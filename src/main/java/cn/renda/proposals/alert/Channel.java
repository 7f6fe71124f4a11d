package cn.renda.proposals.alert;

/** How a notification is delivered. */
public enum Channel {
  /** One mail to all addresses of the audience. */
  MAIL,
  /** A JSON POST to a group's configured URL. */
  WEBHOOK,
  /** No mail server is configured: the mail is written to the application log instead. */
  LOG
}
