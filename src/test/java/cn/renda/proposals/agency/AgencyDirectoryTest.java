package cn.renda.proposals.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory answers from the agencies it has read, and never with a stale answer where it matters: a change of
 * the configuration shows as soon as it is committed, and an agency added to the table by another node is found at
 * once.
 */
@IntegrationTest
class AgencyDirectoryTest {

  @Autowired AgencyDirectory directory;
  @Autowired AgencyProperties properties;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void restoreTheConfiguredAgencies() {
    jdbc.sql("DELETE FROM agency WHERE code = 'tqa'").update();
    directory.synchronize(properties.agencies());
  }

  @Test
  void shouldNameFindAndListTheConfiguredAgencies() {
    assertThat(directory.nameOf("zfw")).isEqualTo("县委政法委");
    assertThat(directory.nameOf("no-such-agency")).isEqualTo("no-such-agency");
    assertThat(directory.nameOf(null)).isEmpty();
    assertThat(directory.find(null)).isEmpty();
    assertThat(directory.isActive("zfw")).isTrue();
    assertThat(directory.isActive("no-such-agency")).isFalse();
    assertThat(directory.all()).extracting(Agency::code)
        .containsExactlyElementsOf(properties.agencies().stream().map(AgencyProperties.Entry::code).toList());
  }

  @Test
  void shouldFindAnAgencyAnotherNodeAddedAtOnce() {
    directory.nameOf("zfw");

    jdbc.sql("INSERT INTO agency (code, name, active, sort_order) VALUES ('tqa', '县测试局', TRUE, 999)").update();

    assertThat(directory.nameOf("tqa")).isEqualTo("县测试局");
    assertThat(directory.isActive("tqa")).isTrue();
  }

  @Test
  void shouldShowAChangedConfigurationAsSoonAsItIsCommitted() {
    assertThat(directory.nameOf("zfw")).isEqualTo("县委政法委");
    List<AgencyProperties.Entry> changed = new ArrayList<>();
    for (AgencyProperties.Entry entry : properties.agencies()) {
      if (entry.code().equals("zfw")) {
        changed.add(new AgencyProperties.Entry("zfw", "中共县委政法委员会"));
      } else if (!entry.code().equals("sfj")) {
        changed.add(entry);
      }
    }

    directory.synchronize(changed);

    assertThat(directory.nameOf("zfw")).isEqualTo("中共县委政法委员会");
    assertThat(directory.isActive("sfj")).isFalse();
    assertThat(directory.nameOf("sfj")).isEqualTo("县司法局");
    assertThat(directory.all()).extracting(Agency::code).doesNotContain("sfj").contains("zfw");
  }
}
