package cn.renda.proposals.web;

/** A request body over the configured limit; answered with 413 before anything is parsed. */
public class PayloadTooLargeException extends RuntimeException {

  private final long limitBytes;

  public PayloadTooLargeException(long limitBytes) {
    super("The request body is larger than " + limitBytes / 1024 + " KB.");
    this.limitBytes = limitBytes;
  }

  public long limitKilobytes() {
    return limitBytes / 1024;
  }
}
