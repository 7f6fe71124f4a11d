package cn.renda.proposals.proposal;

/** A code value with the Chinese label users see. */
public interface Labelled {
  String label();
}
