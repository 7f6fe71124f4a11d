package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.OWN_SCOPE;

import cn.renda.proposals.process.Decisions.CoSignature;
import cn.renda.proposals.proposal.CoSignatureAnswer;
import cn.renda.proposals.proposal.CoSignatures;
import cn.renda.proposals.proposal.ProposalStatus;
import org.springframework.stereotype.Component;

/**
 * 附议确认 of one co-signer, in parallel with the others: each confirms or declines the proposal a deputy submitted
 * with them, in the workspace, by the link of their mail, or in Tasklist.
 */
@Component(ConfirmCoSignature.KEY)
public class ConfirmCoSignature extends TaskContract {

  public static final String KEY = "confirmCoSignature";
  public static final Variable<CoSignature> CO_SIGNATURE = Variable.choice("coSignature", CoSignature.class);

  private final CoSignatures coSignatures;

  public ConfirmCoSignature(Support support, CoSignatures coSignatures) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.CO_SIGNER)
        .waitsIn(ProposalStatus.CO_SIGNING)
        .answers(Answer.of(CO_SIGNATURE, "是否同意附议").required().retained(OWN_SCOPE))
        .views(View.SUBMISSION));
    this.coSignatures = coSignatures;
  }

  @Override
  protected void complete(Completion completion) {
    String coSigner = ProcessVariables.CO_SIGNER.get(completion.task());
    CoSignatureAnswer answer = completion.get(CO_SIGNATURE) == CoSignature.CONFIRM
        ? CoSignatureAnswer.CONFIRMED : CoSignatureAnswer.DECLINED;
    coSignatures.answer(completion.id(), coSigner, answer, completion.actor());
  }
}
