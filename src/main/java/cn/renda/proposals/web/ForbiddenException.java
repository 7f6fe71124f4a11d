package cn.renda.proposals.web;

/** The caller is known and may see the thing, but may not do this with it (403). */
public class ForbiddenException extends RuntimeException {

  private final String messageZh;

  public ForbiddenException(String message, String messageZh) {
    super(message);
    this.messageZh = messageZh;
  }

  public String messageZh() {
    return messageZh;
  }
}
