package cn.renda.proposals.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.support.EngineRest;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text that does not fit, or that hides what it says (invisible only, reordered by bidirectional controls, broken
 * characters), is refused with 400 alike on PostgreSQL (the shared test context) and on the default H2 mode (one
 * application of its own for the class), through our API and through a task completion on engine-rest; text that
 * fits is stored intact on both. Nothing is stored on a refusal, and nothing answers 500.
 */
@IntegrationTest
class TextInputTest {

  private static final String EMOJI = "\uD83D\uDE00"; // 😀, two UTF-16 units, one code point
  private static ConfigurableApplicationContext h2;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;

  /** An application under test: where it answers, its engine's name and its database. */
  record Target(String base, String engine, JdbcClient jdbc) {
    long count(String table) {
      return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
  }

  @BeforeAll
  static void startTheDefaultH2Mode() {
    h2 = TestApplications.start(List.of(), Map.of(
        "spring.datasource.url", "jdbc:h2:mem:text-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled", "false"));
  }

  @AfterAll
  static void stopIt() {
    h2.close();
  }

  private Target target(String database) {
    if (database.equals("PostgreSQL")) {
      return new Target("http://localhost:" + port, engine.getName(), jdbc);
    }
    int h2Port = ((WebServerApplicationContext) h2).getWebServer().getPort();
    return new Target("http://localhost:" + h2Port, h2.getBean(ProcessEngine.class).getName(),
        h2.getBean(JdbcClient.class));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PostgreSQL", "H2"})
  void shouldRefuseTitlesThatDoNotFitOrHideWhatTheySay(String database) {
    Target target = target(database);
    // (JSON escapes as sent: the lone surrogate cannot even be written as UTF-8)
    List<String[]> titles = List.of(
        new String[] {"\\uD83D\\uDE00".repeat(150), "size", "长度应为5至200个字符（当前300个，表情符号和部分生僻字按2个计）"},
        new String[] {"\\u200B\\u200C\\u200D\\u2060\\uFEFF \\u00A0", "required", "只有空白或不可见字符（如零宽空格），等于未填写"},
        new String[] {"关于\\u202E议建的路公修维\\u202C的建议", "bidi-control", "包含改变文字显示方向的控制字符"},
        new String[] {"关于\\u2066隔离\\u2069显示方向的建议", "bidi-control", "包含改变文字显示方向的控制字符"},
        new String[] {"关于\\uD83D孤立代理项的建议", "lone-surrogate", "包含无效的字符（不成对的 UTF-16 代理项）"},
        new String[] {"关于\\uDE00孤立代理项的建议", "lone-surrogate", "包含无效的字符（不成对的 UTF-16 代理项）"});

    for (String[] title : titles) {
      long proposals = target.count("proposal");

      Http.Answer answer = submit(target, title[0]);

      assertThat(answer.status()).as(database + " " + title[1] + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("errors")).singleElement().satisfies(error -> {
        assertThat(error.get("field").asText()).isEqualTo("title");
        assertThat(error.get("code").asText()).isEqualTo(title[1]);
        assertThat(error.get("messageZh").asText()).startsWith("案由（标题）").contains(title[2]);
        assertThat(error.get("messageEn").asText()).startsWith("title");
      });
      assertThat(target.count("proposal")).as(database + " " + title[1]).isEqualTo(proposals);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PostgreSQL", "H2"})
  void shouldStoreATitleAtTheLimitIntact(String database) {
    Target target = target(database);
    String title = EMOJI.repeat(100); // 200 UTF-16 units: the most the column holds on H2

    Http.Answer answer = submit(target, "\\uD83D\\uDE00".repeat(100));

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    String id = answer.json().get("id").asText();
    assertThat(answer.json().get("title").asText()).isEqualTo(title);
    assertThat(target.jdbc().sql("SELECT title FROM proposal WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo(title);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PostgreSQL", "H2"})
  void shouldRefuseAContactPersonThatDoesNotFitAndStoreOneThatDoes(String database) {
    Target target = target(database);
    String id = toDrafting(target);
    EngineRest rest = new EngineRest(target.base(), target.engine());
    String taskId = rest.taskId("jtj-handler", id, DraftReply.KEY);
    Map<String, Object> reply = new java.util.HashMap<>(Walk.reply("A", null));

    // when a reply's contact person is 30 emoji (60 UTF-16 units, the column holds 50)
    reply.put(DraftReply.CONTACT_PERSON.name(), EMOJI.repeat(30));
    Http.Answer refused = rest.complete("jtj-handler", taskId, reply);

    // then
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode error = refused.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(DraftReply.CONTACT_PERSON.name());
    assertThat(error.get("code").asText()).isEqualTo("size");
    assertThat(refused.json().get("message").asText()).startsWith("联系人长度应为不超过50个字符（当前60个");
    assertThat(replies(target, id)).isZero();
    assertThat(rest.taskId("jtj-handler", id, DraftReply.KEY)).isEqualTo(taskId);

    // and 25 emoji (50 units) are stored as they are
    reply.put(DraftReply.CONTACT_PERSON.name(), EMOJI.repeat(25));
    Http.Answer stored = rest.complete("jtj-handler", taskId, reply);

    assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    assertThat(target.jdbc().sql("SELECT contact_person FROM reply WHERE proposal_id = ?").param(id)
        .query(String.class).single()).isEqualTo(EMOJI.repeat(25));
  }

  private static Http.Answer submit(Target target, String escapedTitle) {
    String body = "{\"kind\":\"SUGGESTION\",\"session\":\"" + ProcessDriver.newSession() + "\",\"title\":\""
        + escapedTitle + "\",\"content\":\"建议内容。\",\"leadDeputy\":\"maohongding\"}";
    return Http.as(target.base(), "congress-clerk", "demo")
        .postRaw("/api/proposals", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  /** Submitted through our API, then accepted, assigned to 县交通运输局 and taken on through engine-rest. */
  private static String toDrafting(Target target) {
    Http.Answer submitted = submit(target, "关于改善海岛交通的建议");
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    String id = submitted.json().get("id").asText();
    EngineRest rest = new EngineRest(target.base(), target.engine());
    rest.completeTask("congress-clerk", id, ReviewProposal.KEY,
        Map.of(ReviewProposal.REVIEW_DECISION.name(), "ACCEPT", ProcessVariables.PRIORITY.name(), "NORMAL"));
    rest.completeTask("gov-clerk", id, AssignAgencies.KEY,
        Map.of(AssignAgencies.LEAD_AGENCY.name(), "jtj", AssignAgencies.CO_AGENCIES.name(),
        EngineRest.json(List.of())));
    rest.completeTask("jtj-handler", id, AcceptAssignment.KEY,
        Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), "ACCEPT"));
    return id;
  }

  private static long replies(Target target, String proposalId) {
    return target.jdbc().sql("SELECT COUNT(*) FROM reply WHERE proposal_id = ?").param(proposalId)
        .query(Long.class).single();
  }
}
