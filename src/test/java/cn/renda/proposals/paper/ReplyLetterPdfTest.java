package cn.renda.proposals.paper;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.Outbox;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.TestMailServer;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reply letter (复函) as PDF: the seed's letter as the county published it, in an A4 letter with an embedded CJK
 * font and page numbers; for those who may see the record, for the public (phone masked), and with the reply mail.
 */
@IntegrationTest
class ReplyLetterPdfTest {

  private static final Path LETTERS = Path.of("target/letters");

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldPrintTheSeedsReplyAsTheCountyPublishedIt() throws IOException {
    // given the demo's proposal no. 28 of 2020 and the letter the county published
    String id = seedCase();
    String published = new ClassPathResource("seed/proposal-28-published.txt").getContentAsString(
        StandardCharsets.UTF_8);
    String seedLetter = published.substring(published.indexOf("毛宏定等代表:"), published.indexOf("A-所提议案"));
    long views = viewCount(id);

    // when anyone downloads the published letter from the public record
    Http.Binary answer = Http.anonymous(base()).download("/public/proposals/" + id + "/reply.pdf");

    // then it is a PDF whose text is the published letter, line for line, under the letter's heading
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo("application/pdf");
    assertThat(answer.header("Content-Disposition")).contains("filename*=UTF-8''")
        .contains("%E5%A4%8D%E5%87%BD"); // 复函
    Files.createDirectories(LETTERS);
    Files.write(LETTERS.resolve("proposal-28-reply.pdf"), answer.body());
    try (PDDocument pdf = Loader.loadPDF(answer.body())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(compact(withoutPageNumbers(text))).contains(compact(seedLetter));
      String flat = compact(text);
      assertThat(flat).startsWith("—1—嵊泗县人民政府办公室类别标记:B"
          + "对议案第28号《关于联动联治扎实推进社会治理领域“最多跑一地”的议案》的答复毛宏定等代表:");
      assertThat(flat).endsWith("(联系人:金海军,联系电话:***2584)").doesNotContain("5082584");

      // A4, several pages, each numbered at its foot
      assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        PDPage sheet = pdf.getPage(page - 1);
        assertThat(sheet.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
        assertThat(sheet.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
        assertThat(pageText(pdf, page).lines().map(String::strip)).contains("— " + page + " —")
            .doesNotContain("— " + (page + 1) + " —");
      }

      // the CJK font is embedded, as a subset of Noto Serif SC
      List<PDFont> fonts = fonts(pdf);
      assertThat(fonts).isNotEmpty().allSatisfy(font -> {
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSerifSC.*");
        assertThat(font).isInstanceOf(PDType0Font.class);
        PDCIDFontType2 cid = (PDCIDFontType2) ((PDType0Font) font).getDescendantFont();
        byte[] embedded = cid.getFontDescriptor().getFontFile2().toByteArray();
        assertThat(embedded.length).isBetween(10_000, 2_000_000);
      });
      assertThat(fonts.get(0).getFontDescriptor().getFontName()).contains("NotoSerifSC");

      // page 1 as a person sees it: the issuer's name in red above the black text
      BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
      ImageIO.write(image, "png", LETTERS.resolve("proposal-28-reply-page1.png").toFile());
      assertThat(redPixels(image, 0, image.getHeight() / 5)).isGreaterThan(500);
      assertThat(darkPixels(image, image.getHeight() / 4, image.getHeight())).isGreaterThan(20_000);
      // and the last page, which the issuer signs
      int last = pdf.getNumberOfPages();
      assertThat(compact(pageText(pdf, last))).endsWith(
          "感谢你们对我县基层社会治理工作的关心和支持。嵊泗县人民政府办公室2020年7月31日(联系人:金海军,联系电话:***2584)");
      ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(last - 1, 110), "png",
          LETTERS.resolve("proposal-28-reply-last-page.png").toFile());
      System.out.printf("Reply letter of proposal no. 28: %d pages%n", last);
    }
    System.out.printf("Reply letter of proposal no. 28: %d bytes%n", answer.body().length);
    // a download is not a visit of the record
    assertThat(viewCount(id)).isEqualTo(views);
  }

  @Test
  void shouldGiveTheRecordsLetterToWhoeverMaySeeTheRecordOnly() throws IOException {
    // given the seed's case, whose reply version 1 was delivered
    String id = seedCase();
    String path = "/api/proposals/" + id + "/replies/1.pdf";
    TableSnapshot before = TableSnapshot.of(jdbc);

    // then its deputies, its agencies and the offices get the letter, with the full phone number
    for (String user : List.of("maohongding", ProcessDriver.CO_SIGNERS.get(0), "zfw-handler", "sfj-handler",
        "congress-clerk", "gov-clerk")) {
      Http.Binary answer = Http.as(base(), user, "demo").download(path);
      assertThat(answer.status()).as(user).isEqualTo(200);
      try (PDDocument pdf = Loader.loadPDF(answer.body())) {
        assertThat(compact(new PDFTextStripper().getText(pdf))).as(user)
            .contains("毛宏定等代表:", "(联系人:金海军,联系电话:0580-5082584)");
      }
    }
    // and nobody else: another agency's handlers or leaders, nobody logged in; nor a version that does not exist
    assertThat(Http.as(base(), "jtj-handler", "demo").download(path).status()).isEqualTo(404);
    assertThat(Http.as(base(), "jtj-leader", "demo").download(path).status()).isEqualTo(404);
    assertThat(Http.anonymous(base()).download(path).status()).isEqualTo(401);
    Http.Binary missing = Http.as(base(), "congress-clerk", "demo").download("/api/proposals/" + id
        + "/replies/2.pdf");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldPrintOnlyDeliveredAndPublishedLetters() {
    // given a reply drafted and waiting for sign-off
    String id = walk.toDrafting(ProcessDriver.newSession(), "xfj");
    walk.draft(id, "xfj", "A", null);

    // then there is no letter yet, neither for the lead agency nor for the public
    assertThat(Http.as(base(), "xfj-handler", "demo").download("/api/proposals/" + id + "/replies/1.pdf").status())
        .isEqualTo(404);
    assertThat(Http.anonymous(base()).download("/public/proposals/" + id + "/reply.pdf").status()).isEqualTo(404);

    // when it is signed off and delivered, the record has it, and so has the public record (it may be published)
    walk.signOff(id, "xfj", "APPROVE");
    assertThat(Http.as(base(), "xfj-handler", "demo").download("/api/proposals/" + id + "/replies/1.pdf").status())
        .isEqualTo(200);
    assertThat(Http.anonymous(base()).download("/public/proposals/" + id + "/reply.pdf").status()).isEqualTo(200);
  }

  @Test
  void shouldAttachTheLetterToTheReplyMail() throws IOException {
    // given a suggestion handled by 县信访局
    String id = walk.toDrafting(ProcessDriver.newSession(), "xfj");
    walk.draft(id, "xfj", "A", null);

    // when the reply is signed off and the mail goes out
    walk.signOff(id, "xfj", "APPROVE");
    outbox.deliver(id);

    // then the deputy's reply mail carries the letter, with the phone number as the deputy has it
    List<TestMailServer.Received> replies = TestMailServer.about(id).stream()
        .filter(mail -> mail.subject().startsWith("【答复（复函）】"))
        .toList();
    assertThat(replies).singleElement().satisfies(mail -> {
      assertThat(mail.body()).contains("复函全文：");
      Map<String, byte[]> files = mail.attachments();
      assertThat(files).containsOnlyKeys("复函-建议第1号.pdf");
      try (PDDocument pdf = Loader.loadPDF(files.get("复函-建议第1号.pdf"))) {
        assertThat(compact(new PDFTextStripper().getText(pdf)))
            .contains("毛宏定代表:", "经研究，现将意见答复如下：……感谢您对我县工作的关心和支持。", "县信访局",
                "(联系人:金海军,联系电话:0580-5082584)");
      }
    });
    // and the other mails carry nothing
    assertThat(TestMailServer.about(id)).filteredOn(mail -> !mail.subject().startsWith("【答复（复函）】"))
        .isNotEmpty()
        .allSatisfy(mail -> assertThat(mail.attachments()).isEmpty());
  }

  private String seedCase() {
    JsonNode list = Http.as(base(), "congress-clerk", "demo").get("/api/proposals?session=2020&kind=MOTION&size=100")
        .json();
    for (JsonNode item : list.get("items")) {
      if (item.get("caseNumber").asInt() == 28) {
        return item.get("id").asText();
      }
    }
    throw new AssertionError("the demo data has no proposal no. 28 of 2020");
  }

  private long viewCount(String id) {
    return jdbc.sql("SELECT view_count FROM proposal WHERE id = ?").param(id).query(Long.class).single();
  }

  private static String pageText(PDDocument pdf, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(pdf);
  }

  private static List<PDFont> fonts(PDDocument pdf) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        fonts.add(page.getResources().getFont(name));
      }
    }
    return fonts;
  }

  private static long redPixels(BufferedImage image, int fromY, int toY) {
    long count = 0;
    for (int y = fromY; y < toY; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 150 && g < 90 && b < 90) {
          count++;
        }
      }
    }
    return count;
  }

  private static long darkPixels(BufferedImage image, int fromY, int toY) {
    long count = 0;
    for (int y = fromY; y < toY; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) < 100 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100) {
          count++;
        }
      }
    }
    return count;
  }

  private static String withoutPageNumbers(String text) {
    return text.replaceAll("— \\d+ —", "");
  }

  private static String compact(String text) {
    return text.replaceAll("[\\s\\u00a0\\u3000]+", "");
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
