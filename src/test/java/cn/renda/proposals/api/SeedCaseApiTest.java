package cn.renda.proposals.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.EvaluateHandling;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProvideCoOpinion;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.process.SignOffReply;
import cn.renda.proposals.support.EngineRest;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The reference case end to end, the way other systems and the demo accounts of each role use the product: submitted
 * through our REST API, carried through Camunda's REST API, published. The public record must say what the county
 * published (the seed, kept verbatim in the test resources).
 */
@IntegrationTest
class SeedCaseApiTest {

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldPublishProposal28AsTheCountyDid() throws IOException {
    String base = "http://localhost:" + port;
    JsonNode input = new ObjectMapper().readTree(new ClassPathResource("demo/proposal-28.json").getInputStream());
    String published = new ClassPathResource("seed/proposal-28-published.txt")
        .getContentAsString(StandardCharsets.UTF_8);
    EngineRest rest = new EngineRest(base);
    String session = "2020-" + ProcessDriver.newSession();

    // the congress office continues the paper numbering (27 motions so far) and registers the motion
    Http congress = Http.as(base, "congress-clerk", "demo");
    assertThat(congress.put("/api/case-numbers/" + session + "/MOTION", Map.of("lastUsed", 27)).status())
        .isEqualTo(204);
    driver.today(LocalDate.of(2020, 4, 2));
    Http.Answer created = congress.post("/api/proposals", Map.of(
        "kind", "MOTION", "session", session, "title", input.get("title").asText(),
        "content", input.get("content").asText(), "leadDeputy", "maohongding", "coSigners", ProcessDriver.CO_SIGNERS));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/proposals/" + id);
    assertThat(created.json().at("/status/code").asText()).isEqualTo("SUBMITTED");

    driver.today(LocalDate.of(2020, 4, 8));
    rest.completeTask("congress-clerk", id, ReviewProposal.KEY,
        Map.of(ReviewProposal.REVIEW_DECISION.name(), "ACCEPT", ProcessVariables.PRIORITY.name(), "KEY"));
    driver.today(LocalDate.of(2020, 5, 6));
    rest.completeTask("gov-clerk", id, AssignAgencies.KEY, Map.of(AssignAgencies.LEAD_AGENCY.name(), "zfw",
        AssignAgencies.CO_AGENCIES.name(), EngineRest.json(List.of("sfj", "fy", "mzj", "xfj")),
            AssignAgencies.REPLY_ISSUER.name(), "zfb"));
    driver.today(LocalDate.of(2020, 5, 7));
    rest.completeTask("zfw-handler", id, AcceptAssignment.KEY,
        Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), "ACCEPT"));
    driver.today(LocalDate.of(2020, 5, 28));
    for (String coAgency : List.of("sfj", "fy", "mzj", "xfj")) {
      rest.completeTask(coAgency + "-handler", id, ProvideCoOpinion.KEY,
          Map.of(ProvideCoOpinion.CO_OPINION.name(), "同意主办单位意见。"));
    }
    driver.today(LocalDate.of(2020, 7, 27));
    rest.completeTask("zfw-handler", id, DraftReply.KEY, Map.of(
        DraftReply.REPLY_TEXT.name(), input.get("replyText").asText(), DraftReply.CLASSIFICATION.name(), "B",
            DraftReply.COMMUNICATION_METHOD.name(), "FACE_TO_FACE",
        DraftReply.CONTACT_PERSON.name(), "金海军", DraftReply.CONTACT_PHONE.name(), "0580-5082584",
            DraftReply.PUBLISHABLE.name(), true,
        DraftReply.PLANNED_RESOLUTION_DATE.name(), "2020-12-31"));
    driver.today(LocalDate.of(2020, 7, 31));
    rest.completeTask("zfw-leader", id, SignOffReply.KEY, Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "APPROVE"));
    driver.today(LocalDate.of(2020, 8, 10));
    rest.completeTask("maohongding", id, GiveFeedback.KEY, Map.of(GiveFeedback.SATISFACTION.name(), "SATISFIED"));
    driver.today(LocalDate.of(2020, 8, 20));
    rest.completeTask("congress-clerk", id, EvaluateHandling.KEY,
        Map.of(EvaluateHandling.FINAL_CLASSIFICATION.name(), "B"));

    // then the public record (JSON) says what the county published
    Http.Answer answer = Http.anonymous(base).get("/public/proposals/" + id, "application/json");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode record = answer.json();
    assertThat(record.get("title").asText()).isEqualTo(firstLine(published));
    assertThat(record.get("priority").asText()).isEqualTo(field(published, "类别"));
    assertThat(record.get("caseNumber").asText()).isEqualTo(field(published, "案号"));
    assertThat(record.get("leadDeputy").asText()).isEqualTo(field(published, "议案领衔人"));
    assertThat(record.get("coSignerCount").asText() + "名代表").isEqualTo(field(published, "附议人"));
    assertThat(record.get("subject").asText()).isEqualTo(field(published, "案由"));
    assertThat(record.get("leadAgency").asText()).isEqualTo(field(published, "主办单位"));
    assertThat(String.join("、", texts(record.get("coAgencies")))).isEqualTo(field(published, "协办单位"));
    assertThat(record.get("classification").asText()).isEqualTo(field(published, "类别标记"));
    assertThat(record.get("source").asText()).isEqualTo("县人大办");
    assertThat(compact(String.join("", texts(record.get("summary")))))
        .isEqualTo(compact(between(published, "内容摘要:", "主办单位:")));
    JsonNode letter = record.get("reply");
    assertThat(letter.get("addressee").asText() + ":").isEqualTo(lineStartingWith(published, "毛宏定等代表"));
    assertThat(compact(String.join("", texts(letter.get("paragraphs")))))
        .isEqualTo(compact(between(published, "毛宏定等代表:", "嵊泗县人民政府办公室")));
    assertThat(letter.get("issuer").asText()).isEqualTo(lineStartingWith(published, "嵊泗县人民政府办公室"));
    assertThat(letter.get("date").asText()).isEqualTo(lineStartingWith(published, "2020 年"));
    assertThat("(联系人:" + letter.get("contactPerson").asText() + ",联系电话:" + letter.get("contactPhone").asText() + ")")
        .isEqualTo(lineStartingWith(published, "(联系人"));
    assertThat(texts(record.get("legend"))).containsExactlyElementsOf(
        published.lines().map(String::strip).filter(l -> l.matches("^[A-D]-.*")).toList());

    // and the page a browser gets shows the same, escaped, counting each view once
    long views = record.get("viewCount").asLong();
    Document page = Jsoup.parse(Http.anonymous(base).get("/public/proposals/" + id, "text/html").body());
    assertThat(page.selectFirst("h1").text()).isEqualTo(firstLine(published));
    assertThat(page.selectFirst(".case-number").text()).isEqualTo("28");
    assertThat(page.selectFirst(".co-agencies").text()).isEqualTo(field(published, "协办单位"));
    assertThat(page.selectFirst(".contact").text()).isEqualTo(lineStartingWith(published, "(联系人"));
    assertThat(page.selectFirst(".views").text()).isEqualTo(String.valueOf(views + 1));
    assertThat(page.text()).doesNotContain("同意主办单位意见", "0580-5082584", "zfw-handler");
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElseThrow().strip();
  }

  /** The value of a "label: value" line of the published record. */
  private static String field(String text, String label) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(label) + ":\\s*(.+)$").matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("no " + label + " in the seed");
    }
    return matcher.group(1).strip();
  }

  private static String lineStartingWith(String text, String start) {
    return text.lines().map(String::strip).filter(l -> l.startsWith(start)).findFirst().orElseThrow();
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from) + from.length();
    return text.substring(start, text.indexOf(to, start));
  }

  /** Text without whitespace: the published page breaks lines and pages where the record keeps paragraphs. */
  private static String compact(String text) {
    return text.replaceAll("[\\s\\u00a0]+", "");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
