package cn.renda.proposals.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who sees which figures: the offices every agency; an agency's handlers and leaders their own agency and the county's
 * totals (403 for another agency's); deputies nothing (403). Refusals tell nothing of the figures.
 */
@IntegrationTest
class StatisticsAccessTest {

  private static final List<String> OTHER_AGENCIES = List.of("县委政法委", "县民政局", "县交通运输局", "县人民法院",
      "县信访局", "\"zfw\"", "\"mzj\"", "\"jtj\"", "\"fy\"", "\"xfj\"");

  @LocalServerPort int port;
  @Autowired StatisticsFixture fixture;
  @Autowired ProcessDriver driver;

  private String session;

  @BeforeEach
  void today() {
    session = fixture.session();
    driver.today(StatisticsFixture.TODAY);
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldShowAnAgencyItsOwnFiguresAndTheCountyTotalsOnly() {
    for (String user : List.of("sfj-handler", "sfj-leader")) {
      Http.Answer answer = as(user).get("/api/statistics/agencies?session=" + session);
      assertThat(answer.status()).as(user).isEqualTo(200);
      JsonNode table = answer.json();
      assertThat(StatisticsApiTest.codes(table)).as(user).containsExactly("sfj");
      Expected.assertFigures(user, table.get("agencies").get(0).get("figures"), Expected.SFJ);
      Expected.assertFigures(user + " county", table.get("county"), Expected.COUNTY);
      // its score, but not its place among the others
      assertThat(table.get("agencies").get(0).get("score").asDouble()).isEqualTo(75.0);
      assertThat(table.get("agencies").get(0).has("rank")).isFalse();
      assertThat(answer.body()).as(user).doesNotContain(OTHER_AGENCIES);
    }
    assertThat(StatisticsApiTest.codes(as("congress-clerk").get("/api/statistics/agencies?session=" + session)
        .json())).containsExactly("mzj", "sfj", "jtj", "zfw", "fy", "xfj");
  }

  @Test
  void shouldListAnAgencyOnlyItsOwnProposalsAndRefuseAnotherAgencysDrillDown() {
    Http sfj = as("sfj-handler");
    JsonNode own = sfj.get("/api/statistics/proposals?session=" + session + "&figure=replied").json();
    assertThat(ids(own)).containsExactlyInAnyOrder(fixture.id("P5"), fixture.id("P6"), fixture.id("P7"),
        fixture.id("P8"));
    JsonNode asked = sfj.get("/api/statistics/proposals?session=" + session + "&figure=coLate&agency=sfj").json();
    assertThat(ids(asked)).containsExactly(fixture.id("P14"));

    for (String path : List.of("/api/statistics/proposals?session=" + session + "&figure=overdue&agency=zfw",
        "/api/statistics/trend?session=" + session + "&agency=zfw")) {
      Http.Answer refused = sfj.get(path);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.body()).contains("只能查看本单位").doesNotContain("P4", fixture.id("P4"), "关于改进",
          "items", "months");
    }
    assertThat(sfj.get("/api/statistics/trend?session=" + session).status()).isEqualTo(200);
    assertThat(sfj.get("/api/statistics/trend?session=" + session + "&agency=sfj").json().get("months"))
        .isNotEmpty();
  }

  @Test
  void shouldExportAnAgencyOnlyItsOwnRowAndTheCountyTotals() throws Exception {
    HttpResponse<byte[]> answer = download("sfj-leader", "/api/statistics/agencies.xlsx?session=" + session);
    assertThat(answer.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
      Sheet sheet = workbook.getSheet("办理统计");
      List<String> agencies = new ArrayList<>();
      for (int i = ExcelExport.HEADER_ROW + 1; i <= sheet.getLastRowNum(); i++) {
        agencies.add(sheet.getRow(i).getCell(1).getStringCellValue());
      }
      assertThat(agencies).containsExactly("县司法局", "全县合计");
      assertThat(sheet.getRow(ExcelExport.HEADER_ROW + 1).getCell(0)).as("no rank").isNull();
    }
  }

  @Test
  void shouldShowDeputiesNothing() throws Exception {
    Http deputy = as("maohongding");
    for (String path : List.of("/api/statistics/sessions", "/api/statistics/definitions",
        "/api/statistics/agencies?session=" + session, "/api/statistics/trend?session=" + session,
        "/api/statistics/proposals?session=" + session + "&figure=replied",
        "/api/statistics/proposals?session=" + session + "&figure=nonsense",
        "/api/statistics/agencies?session=UNKNOWN1")) {
      Http.Answer refused = deputy.get(path);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
      assertThat(refused.body()).as(path).contains("办理统计仅供").doesNotContain("assigned", "figures", "县司法局",
          session);
    }
    assertThat(download("maohongding", "/api/statistics/agencies.xlsx?session=" + session).statusCode())
        .isEqualTo(403);
    assertThat(Http.anonymous("http://localhost:" + port).get("/api/statistics/agencies?session=" + session)
        .status()).isEqualTo(401);
  }

  private static List<String> ids(JsonNode drillDown) {
    List<String> ids = new ArrayList<>();
    drillDown.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private Http as(String user) {
    return Http.as("http://localhost:" + port, user, "demo");
  }

  private HttpResponse<byte[]> download(String user, String path) throws Exception {
    String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
