package cn.renda.proposals.web;

/**
 * Something the caller asked for does not exist, or exists but the caller may not see it: both answer 404, so that
 * ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what);
  }
}
