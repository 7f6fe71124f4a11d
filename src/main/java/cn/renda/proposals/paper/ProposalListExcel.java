package cn.renda.proposals.paper;

import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.proposal.ProposalViews;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A list of proposals ({@code GET /api/proposals}) as an Excel workbook: one row per proposal the list holds, in its
 * order, with Chinese headers; days and times are Excel dates (in the business time zone), counts are numbers.
 */
@Component
public class ProposalListExcel {

  public static final String SHEET = "议案建议";

  /** A column: its header and how a row's cell is filled. */
  private record Column(String header, Function<ProposalViews.Summary, Object> value, int width) {}

  private final ZoneId zone;
  private final List<Column> columns;

  ProposalListExcel(CalendarProperties calendar) {
    this.zone = calendar.zone();
    this.columns = List.of(
        new Column("编号", ProposalViews.Summary::id, 38),
        new Column("届次会议", ProposalViews.Summary::session, 10),
        new Column("类型", s -> label(s.kind()), 6),
        new Column("案号", ProposalViews.Summary::caseNumber, 6),
        new Column("案由", ProposalViews.Summary::title, 50),
        new Column("类别", s -> label(s.priority()), 6),
        new Column("状态", s -> label(s.status()), 10),
        new Column("领衔代表", s -> s.leadDeputy() == null ? null : s.leadDeputy().name(), 10),
        new Column("附议人数", ProposalViews.Summary::coSignerCount, 8),
        new Column("主办单位", s -> s.leadAgency() == null ? null : s.leadAgency().name(), 18),
        new Column("答复期限", ProposalViews.Summary::replyDue, 12),
        new Column("是否超期", s -> s.overdue() ? "是" : "否", 8),
        new Column("提交时间", ProposalViews.Summary::submittedAt, 17),
        new Column("公开时间", ProposalViews.Summary::publishedAt, 17));
  }

  /** The headers, in the order of the columns. */
  public List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }

  public void write(List<ProposalViews.Summary> proposals, OutputStream out) throws IOException {
    // streaming: a whole session's list stays out of memory but for a window of rows
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      CellStyle day = workbook.createCellStyle();
      day.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle time = workbook.createCellStyle();
      time.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

      SXSSFSheet sheet = workbook.createSheet(SHEET);
      Row headers = sheet.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = headers.createCell(c);
        cell.setCellValue(columns.get(c).header());
        cell.setCellStyle(header);
        sheet.setColumnWidth(c, columns.get(c).width() * 256);
      }
      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(proposals.size(), 1), 0, columns.size() - 1));
      int r = 1;
      for (ProposalViews.Summary proposal : proposals) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < columns.size(); c++) {
          Object value = columns.get(c).value().apply(proposal);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(day);
          } else if (value instanceof Instant instant) {
            cell.setCellValue(instant.atZone(zone).toLocalDateTime());
            cell.setCellStyle(time);
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
      workbook.write(out);
    } finally {
      workbook.close();
    }
  }

  private static String label(ProposalViews.Coded coded) {
    return coded == null ? null : coded.label();
  }
}
