package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** What counts as a read-only field sent back unchanged: the text the form displayed. */
class CommandGuardTest {

  @Test
  void shouldTakeWhatAFormSendsBackOfWhatItShowedAsUnchanged() {
    assertThat(CommandGuard.sameValue("第一段\r\n第二段", "第一段\n第二段")).isTrue();
    assertThat(CommandGuard.sameValue(Boolean.TRUE, Variables.untypedValue("true"))).isTrue();
    assertThat(CommandGuard.sameValue("2026-12-31", Variables.stringValue("2026-12-31"))).isTrue();
    assertThat(CommandGuard.sameValue(null, "")).isTrue();
    assertThat(CommandGuard.sameValue("县委政法委 ", "县委政法委")).isTrue();
  }

  @Test
  void shouldTakeAnyChangeAsAChange() {
    assertThat(CommandGuard.sameValue("经研究，答复如下", "经研究，答复如下（已改）")).isFalse();
    assertThat(CommandGuard.sameValue(Boolean.TRUE, false)).isFalse();
    assertThat(CommandGuard.sameValue(null, "x")).isFalse();
  }
}
