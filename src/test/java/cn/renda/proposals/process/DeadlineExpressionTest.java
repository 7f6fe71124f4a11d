package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A change of the working-day calendar can compute every deadline of the model again: each {@code ${deadlines.…}} of
 * both model versions is a {@link DeadlineExpression}, and each deadline {@link Deadlines} offers the model is one.
 */
class DeadlineExpressionTest {

  @ParameterizedTest
  @ValueSource(strings = {"bpmn/proposal-handling.bpmn", "src/test/resources/upgrade/proposal-handling-1.0.0.bpmn"})
  void shouldKnowEveryDeadlineOfTheModel(String file) {
    ModelDeadlines.Model model = ModelDeadlines.read(Bpmn.readModelFromFile(new File(file)), file);

    assertThat(model.dueDates().keySet()).contains(AcceptAssignment.KEY, ProvideCoOpinion.KEY, DraftReply.KEY,
        SignOffReply.KEY, GiveFeedback.KEY, ReportProgress.KEY, ReviewProposal.KEY, SuperviseOverdue.KEY);
    List<String> timers = new java.util.ArrayList<>(List.of("Timer_DisputeWindow", "Timer_CoOpinionReminder",
        "Timer_CoOpinionDeadline", "Timer_ReplyReminder", "Timer_ReplyOverdue", "Timer_FeedbackWindow",
        "Timer_ProgressReminder", "Timer_ProgressOverdue"));
    if (file.startsWith("bpmn/")) {
      // the co-signing step came with version 1.2.0
      timers.add("Timer_CoSigningWindow");
      assertThat(model.timers().get("Timer_CoSigningWindow").expression()).isEqualTo(DeadlineExpression.CO_SIGNING);
      assertThat(model.dueDates().keySet()).contains(ConfirmCoSignature.KEY, DecideShortMotion.KEY);
    }
    assertThat(model.timers().keySet()).containsExactlyInAnyOrderElementsOf(timers);
    assertThat(model.timers().get("Timer_DisputeWindow").expression()).isEqualTo(DeadlineExpression.DISPUTE_WINDOW);
    assertThat(model.timers().get("Timer_DisputeWindow").step()).isEqualTo(AcceptAssignment.KEY);
    assertThat(model.timers().get("Timer_ReplyOverdue").expression())
        .isEqualTo(DeadlineExpression.REPLY_OVERDUE_CYCLE);
    assertThat(model.dueDates().get(DraftReply.KEY).expression()).isEqualTo(DeadlineExpression.REPLY_DUE);
  }

  @Test
  void shouldDescribeEveryDeadlineThatDeadlinesOffersTheModel() {
    Set<String> offered = Arrays.stream(Deadlines.class.getDeclaredMethods())
        .filter(method -> Modifier.isPublic(method.getModifiers()))
        .filter(method -> method.getReturnType() == Date.class || method.getReturnType() == String.class)
        .filter(DeadlineExpressionTest::takesNothingOrAScope)
        .map(Method::getName)
        .collect(Collectors.toSet());
    Set<String> described = Arrays.stream(DeadlineExpression.values()).map(DeadlineExpression::method)
        .collect(Collectors.toSet());

    assertThat(described).isEqualTo(offered);
  }

  @Test
  void shouldReadTheModelsSpellings() {
    assertThat(DeadlineExpression.of("${deadlines.disputeWindow()}")).contains(DeadlineExpression.DISPUTE_WINDOW);
    assertThat(DeadlineExpression.of("${deadlines.replyDue(execution)}")).contains(DeadlineExpression.REPLY_DUE);
    assertThat(DeadlineExpression.of("${deadlines.nextWeek()}")).isEmpty();
    assertThat(DeadlineExpression.of("P5D")).isEmpty();
  }

  private static boolean takesNothingOrAScope(Method method) {
    List<Class<?>> parameters = List.of(method.getParameterTypes());
    return parameters.isEmpty() || parameters.equals(List.of(VariableScope.class));
  }
}
