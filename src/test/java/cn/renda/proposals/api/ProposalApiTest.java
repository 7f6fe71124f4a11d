package cn.renda.proposals.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ProposalApiTest {

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired ProposalRecords records;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void shouldLetDeputySubmitForThemselfAndFollowIt() {
    Http deputy = Http.as(base(), "wuhaibo", "demo");
    String session = ProcessDriver.newSession();

    Http.Answer created = deputy.post("/api/proposals", Map.of("kind", "SUGGESTION", "session", session,
        "title", "关于增开海岛夜间航班的建议", "content", "建议增开夜间航班，方便群众出行。"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode record = created.json();
    assertThat(record.at("/leadDeputy/id").asText()).isEqualTo("wuhaibo");
    assertThat(record.at("/leadDeputy/name").asText()).isEqualTo("吴海波");
    assertThat(record.at("/status/label").asText()).isEqualTo("待审查");
    assertThat(record.get("timeline").get(0).get("action").asText()).isEqualTo("SUBMITTED");
    String id = record.get("id").asText();
    assertThat(deputy.get("/api/proposals/" + id).status()).isEqualTo(200);
    assertThat(ids(deputy.get("/api/proposals?session=" + session).json())).containsExactly(id);
    // the process runs with the record's id as business key
    assertThat(driver.task(id, ReviewProposal.KEY).getName()).isEqualTo("审查立案：建议《关于增开海岛夜间航班的建议》");
  }

  @Test
  void shouldListAProposalForItsDeputiesAndItsCurrentAgenciesOnly() {
    String session = ProcessDriver.newSession();
    Http lead = Http.as(base(), "wuhaibo", "demo");
    String id = lead.post("/api/proposals", Map.of("kind", "SUGGESTION", "session", session, "title",
        "关于海岛垃圾转运的建议", "content", "建议建设海岛垃圾转运站。", "coSigners", List.of("maohongding")))
        .json().get("id").asText();
    // the co-signer is asked first; confirmed, the suggestion goes to review
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.CO_SIGNING);
    Http coSigning = Http.as(base(), "maohongding", "demo");
    assertThat(coSigning.post("/api/proposals/" + id + "/co-signature", Map.of("answer", "MAYBE")).status())
        .isEqualTo(400);
    assertThat(Http.as(base(), "zhoujunjie", "demo")
        .post("/api/proposals/" + id + "/co-signature", Map.of("answer", "CONFIRM")).status()).isEqualTo(404);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.CO_SIGNING);
    assertThat(coSigning.post("/api/proposals/" + id + "/co-signature", Map.of("answer", "CONFIRM")).status())
        .isEqualTo(204);
    assertThat(coSigning.post("/api/proposals/" + id + "/co-signature", Map.of("answer", "CONFIRM")).status())
        .isEqualTo(409);
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "hyj", "zjj");
    String list = "/api/proposals?session=" + session;

    JsonNode coSigner = Http.as(base(), "maohongding", "demo").get(list).json();
    assertThat(ids(coSigner)).containsExactly(id);
    assertThat(coSigner.at("/items/0/coSignerCount").asInt()).isEqualTo(1);
    assertThat(coSigner.at("/items/0/leadDeputy/name").asText()).isEqualTo("吴海波");
    assertThat(ids(lead.get(list).json())).containsExactly(id);
    assertThat(ids(Http.as(base(), "hyj-handler", "demo").get(list).json())).containsExactly(id);
    assertThat(ids(Http.as(base(), "zjj-handler", "demo").get(list).json())).containsExactly(id);
    for (String outsider : List.of("zhoujunjie", "sfj-handler", "zfw-leader")) {
      JsonNode page = Http.as(base(), outsider, "demo").get(list).json();
      assertThat(ids(page)).as(outsider).isEmpty();
      assertThat(page.get("total").asInt()).as(outsider).isZero();
    }
  }

  @Test
  void shouldFilterAndPageTheList() {
    // given three proposals of a session: one key and overdue (assigned in January), one assigned today to another
    // agency with zjj as co-agency, one under review
    String session = ProcessDriver.newSession();
    driver.today(LocalDate.of(2026, 1, 5));
    String overdue = driver.submitSuggestion(session, "关于海水淡化工程建设的建议");
    walk.review(overdue, "ACCEPT", "KEY");
    walk.assign(overdue, "zjj");
    walk.accept(overdue, "zjj");
    driver.resetClock();
    String assigned = driver.submitSuggestion(session, "关于渔港避风锚地建设的建议");
    walk.review(assigned, "ACCEPT", "NORMAL");
    walk.assign(assigned, "hyj", "zjj");
    String reviewing = driver.submitMotion(session, "关于海岛公交一体化的议案");
    Http office = Http.as(base(), "gov-clerk", "demo");
    String all = "/api/proposals?session=" + session;

    assertThat(ids(office.get(all).json())).containsExactlyInAnyOrder(overdue, assigned, reviewing);
    assertThat(ids(office.get(all + "&kind=MOTION").json())).containsExactly(reviewing);
    assertThat(ids(office.get(all + "&status=SUBMITTED").json())).containsExactly(reviewing);
    assertThat(ids(office.get(all + "&priority=KEY").json())).containsExactly(overdue);
    assertThat(ids(office.get(all + "&agency=zjj").json())).containsExactlyInAnyOrder(overdue, assigned);
    assertThat(ids(office.get(all + "&overdue=true").json())).containsExactly(overdue);
    assertThat(ids(office.get(all + "&overdue=false").json())).containsExactlyInAnyOrder(assigned, reviewing);
    assertThat(ids(office.get(all + "&q=" + encode("避风 锚地")).json())).containsExactly(assigned);
    assertThat(ids(office.get(all + "&q=" + encode("100%")).json())).isEmpty();
    JsonNode firstPage = office.get(all + "&size=2&page=0").json();
    JsonNode secondPage = office.get(all + "&size=2&page=1").json();
    assertThat(firstPage.get("total").asInt()).isEqualTo(3);
    assertThat(firstPage.get("items")).hasSize(2);
    assertThat(secondPage.get("items")).hasSize(1);
    assertThat(firstPage.get("items").get(0).get("overdue").asBoolean()).isFalse();
    assertThat(office.get("/api/proposals/" + overdue).json().get("overdue").asBoolean()).isTrue();
  }

  @Test
  void shouldPublishOnlyDeliveredRepliesAndEscapeEverything() {
    // given a reply whose text carries characters that mean something in HTML
    String id = walk.toDrafting(ProcessDriver.newSession(), "jtj");
    Map<String, Object> reply = new java.util.HashMap<>(Walk.reply("A", null));
    reply.put(DraftReply.REPLY_TEXT.name(), "票价 1<2 & \"优惠\" 'A&B'");
    driver.complete("jtj-handler", id, DraftReply.KEY, reply);
    assertThat(Http.anonymous(base()).get("/public/proposals/" + id).status()).isEqualTo(404);
    assertThat(Http.anonymous(base()).get("/public/proposals/" + id, "application/json").status()).isEqualTo(404);

    // when signed off
    walk.signOff(id, "jtj", "APPROVE");

    // then it is public, its text escaped in HTML and intact in JSON
    Http.Answer page = Http.anonymous(base()).get("/public/proposals/" + id, "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("票价 1&lt;2 &amp; &quot;优惠&quot; &#39;A&amp;B&#39;").doesNotContain("1<2");
    assertThat(Jsoup.parse(page.body()).selectFirst(".reply p").text()).isEqualTo("票价 1<2 & \"优惠\" 'A&B'");
    JsonNode json = Http.anonymous(base()).get("/public/proposals/" + id, "application/json").json();
    assertThat(json.at("/reply/paragraphs/0").asText()).isEqualTo("票价 1<2 & \"优惠\" 'A&B'");
    assertThat(json.toString()).doesNotContain("jtj-handler", "jtj-leader", "0580");
    // and it heads the public list
    JsonNode list = Http.anonymous(base()).get("/public/proposals", "application/json").json();
    assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(id);
    assertThat(Http.anonymous(base()).get("/public/proposals", "text/html").body()).contains("议案建议及办理答复");
  }

  @Test
  void shouldCountEachPublicViewOnce() {
    String id = walk.toFeedback(ProcessDriver.newSession(), "jtj");
    long first = Http.anonymous(base()).get("/public/proposals/" + id, "application/json").json().get("viewCount")
        .asLong();
    Http.anonymous(base()).get("/public/proposals/" + id, "text/html");
    long third = Http.anonymous(base()).get("/public/proposals/" + id, "application/json").json().get("viewCount")
        .asLong();
    assertThat(first).isEqualTo(1);
    assertThat(third).isEqualTo(3);
  }

  @Test
  void shouldDescribeTheCallerAndTheAgencies() {
    JsonNode me = Http.as(base(), "zfw-leader", "demo").get("/api/me").json();
    assertThat(me.get("groups").get(0).get("id").asText()).isEqualTo("agency-zfw-leaders");
    assertThat(me.get("agencies").get(0).get("name").asText()).isEqualTo("县委政法委");
    JsonNode agencies = Http.as(base(), "maohongding", "demo").get("/api/agencies").json();
    assertThat(agencies).hasSize(12);
    assertThat(agencies.get(0).get("code").asText()).isEqualTo("zfw");
  }

  @Test
  void shouldDocumentTheApiForAuthenticatedCallers() {
    assertThat(Http.anonymous(base()).get("/v3/api-docs").status()).isEqualTo(401);
    Http.Answer docs = Http.as(base(), "congress-clerk", "demo").get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/proposals")).isTrue();
    assertThat(docs.json().get("paths").has("/public/proposals/{id}")).isTrue();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
