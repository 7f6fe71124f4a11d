package cn.renda.proposals.proposal;

import cn.renda.proposals.web.ConflictException;

/**
 * A change the record refuses because it does not fit where the proposal stands: a second acceptance, a reply while
 * nobody is drafting, feedback on a proposal that is not waiting for it. Nothing is stored; the APIs answer 409.
 */
public class RecordStateException extends ConflictException {

  RecordStateException(String messageEn, String messageZh) {
    super(messageEn, messageZh);
  }

  /** The proposal is not where {@code change} may happen. */
  static RecordStateException notIn(ProposalRecord record, String changeEn, String changeZh) {
    return new RecordStateException(
        "Proposal " + record.id() + " is " + record.status() + ": cannot " + changeEn,
        "该议案建议当前处于“" + record.status().label() + "”环节，不能" + changeZh + "。");
  }
}
